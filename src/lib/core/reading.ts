import type { Locale, Questionnaire } from './questionnaire.schema.js';

/** Words of a text: whitespace-separated tokens with at least one letter or digit ("–" is not a word, "6–12" is). */
export function countWords(text: string): number {
	return text.split(/\s+/u).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

/**
 * What a participant reads to complete the check in one language: the instructions, every question
 * with its help text and every option. The 5-minute promise rests on this staying small.
 */
export function readingWordCount(q: Questionnaire, locale: Locale): number {
	let words = q.instructions ? countWords(q.instructions[locale]) : 0;
	for (const question of q.questions) {
		words += countWords(question.text[locale]);
		if (question.help) words += countWords(question.help[locale]);
		for (const option of question.options) words += countWords(option.text[locale]);
	}
	return words;
}
