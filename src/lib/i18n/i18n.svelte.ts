import { getContext, setContext } from 'svelte';
import { catalogues, LOCALE_COOKIE, type Locale, type Messages } from './index';

/** The current language and its messages; components read `i18n.t` and re-render on a switch. */
export class I18n {
	locale = $state<Locale>('de');
	t: Messages = $derived(catalogues[this.locale]);

	constructor(locale: Locale) {
		this.locale = locale;
	}

	/** Remembers the choice for a year and applies it at once, without a reload. */
	switchTo(locale: Locale) {
		this.locale = locale;
		document.cookie = `${LOCALE_COOKIE}=${locale}; path=/; max-age=31536000; samesite=lax`;
		document.documentElement.lang = locale;
	}

	/** The BCP 47 tag for number and date formatting. */
	get tag(): string {
		return this.locale === 'de' ? 'de-DE' : 'en-GB';
	}

	/** A figure with two decimals in the reader's convention (2,67 or 2.67). */
	decimal = (n: number): string => n.toLocaleString(this.tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

	/** Picks the text of a questionnaire's `{de, en}` map in the current language. */
	pick = (text: Record<Locale, string>): string => text[this.locale];
}

const KEY = Symbol('i18n');
export const setI18n = (i18n: I18n) => setContext(KEY, i18n);
export const getI18n = (): I18n => getContext<I18n>(KEY);
