import { z } from 'zod';

/**
 * Text people type for others to read (titles, organisation, group labels) is cleaned before it is
 * stored: a label of only invisible characters, or a bidi override that turns the projector's
 * text around, must not get in. Emoji sequences (zero-width joiner) and the joiners some scripts
 * need (ZWNJ) are kept, and so are emoji tag sequences (flags).
 */

/** Line breaks and tabs become spaces: these fields are one line. */
const WHITESPACE_CONTROLS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** C0/C1 controls, lone surrogates, bidi embeddings, overrides, isolates and marks, and invisible format characters. */
const STRIPPED = /[\p{Cc}\p{Cs}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u00AD\u180E\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]/gu;
/** Characters that draw something: not spaces, not format or control characters, not bare marks, not blank fillers. */
const VISIBLE = /[^\p{White_Space}\p{C}\p{M}\u2800\u3164\u115F\u1160\uFFA0]/u;

/** NFC-normalised, control, bidi and invisible format characters removed, trimmed. */
export function cleanText(input: string): string {
	return input.replace(WHITESPACE_CONTROLS, ' ').replace(STRIPPED, '').normalize('NFC').trim();
}

export const hasVisibleCharacter = (text: string): boolean => VISIBLE.test(text);

/**
 * A zod string that is cleaned with `cleanText`, at most `max` characters long afterwards, and
 * shows at least one visible character (or, with `optional`, may come out empty).
 */
export function cleanTextSchema(options: { max: number; allowEmpty?: boolean }) {
	return z
		.string()
		.transform(cleanText)
		.pipe(
			z
				.string()
				.max(options.max)
				.refine((s) => (options.allowEmpty && s === '') || hasVisibleCharacter(s), 'must contain at least one visible character')
		);
}
