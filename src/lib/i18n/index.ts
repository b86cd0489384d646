import { de, type Messages } from './de';
import { en } from './en';
import type { Locale } from '$lib/core/questionnaire.schema';

export type { Messages, Locale };
export const locales: readonly Locale[] = ['de', 'en'];
export const defaultLocale: Locale = 'de';
export const catalogues: Record<Locale, Messages> = { de, en };
export const LOCALE_COOKIE = 'standort-lang';

export const isLocale = (value: unknown): value is Locale => value === 'de' || value === 'en';

/**
 * Picks the language: a remembered choice wins, then the browser's `Accept-Language` in its order
 * of preference, then German.
 */
export function negotiateLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
	if (isLocale(cookie)) return cookie;
	const wanted = (acceptLanguage ?? '')
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
		})
		.filter((x) => x.lang && !Number.isNaN(x.q))
		.sort((a, b) => b.q - a.q);
	return wanted.map((w) => w.lang).find(isLocale) ?? defaultLocale;
}
