import type { Answers } from './answers.js';
import type { Contradiction, Questionnaire } from './questionnaire.schema.js';

/**
 * The meaning of a contradiction rule (format 2): it holds for one person when every condition
 * holds, and a condition holds when that person's answer to its question is one of its options.
 * "Don't know" and unanswered questions never satisfy a condition, so they cannot fire a rule.
 */
export function contradictionHolds(rule: Contradiction, answers: Answers): boolean {
	return rule.when.every((condition) => {
		const answer = answers[condition.question];
		return typeof answer === 'string' && condition.options.includes(answer);
	});
}

/** The contradiction rules one person's answers trigger, in file order (none for a 1.x file). */
export function contradictionsIn(q: Questionnaire, answers: Answers): Contradiction[] {
	return (q.contradictions ?? []).filter((rule) => contradictionHolds(rule, answers));
}
