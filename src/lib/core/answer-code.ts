import type { Answers } from './answers.js';
import type { Questionnaire } from './questionnaire.schema.js';

/**
 * A compact, URL-safe code of one person's answers, so a result can be shared as a link without
 * storing anything on a server. One character per question, in questionnaire order:
 * `1`–`9` the n-th option, `0` "don't know", `-` not answered. The link also carries the
 * questionnaire version, so the code always refers to the same option list.
 */
export function encodeAnswers(q: Pick<Questionnaire, 'questions'>, answers: Answers): string {
	return q.questions
		.map((question) => {
			const answer = answers[question.id];
			if (answer === null) return '0';
			const index = question.options.findIndex((o) => o.id === answer);
			return index >= 0 && index < 9 ? String(index + 1) : '-';
		})
		.join('');
}

/** Reads a code back; characters that do not fit the questionnaire leave that question unanswered. */
export function decodeAnswers(q: Pick<Questionnaire, 'questions'>, code: string): Answers {
	const answers: Record<string, string | null> = {};
	q.questions.forEach((question, i) => {
		const ch = code[i];
		if (ch === '0') answers[question.id] = null;
		else if (ch && /[1-9]/.test(ch)) {
			const option = question.options[Number(ch) - 1];
			if (option) answers[question.id] = option.id;
		}
	});
	return answers;
}
