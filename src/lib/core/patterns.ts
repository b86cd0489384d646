import type { Answers } from './answers.js';
import type { LevelValue, LocalizedText, Questionnaire } from './questionnaire.schema.js';

/**
 * Which question's answer speaks to each of a level's "typical patterns", per questionnaire
 * version and level, in the order of `levels[].patterns`. The file format has no such link (the
 * patterns are plain texts), so it is kept here for the versions that exist; a version missing
 * here simply shows every pattern as typical. `undefined`: no single question speaks to it (the
 * level-3 patterns name what even strategic organisations tend to lack, which no answer shows).
 */
const LINKS: Record<string, Record<LevelValue, (string | undefined)[]>> = {
	'service-maturity@1.0.0': {
		1: [undefined, 'technology-growth', 'goals-kpis', 'organisation-feedback', undefined],
		2: ['engagement-self-service', 'technology-integration', 'technology-automation', 'organisation-collaboration', 'planning-horizon'],
		3: [undefined, undefined, undefined, undefined]
	},
	'service-maturity@2.0.0': {
		1: ['planning-capacity', 'technology-growth', 'goals-kpis', 'organisation-feedback', 'organisation-knowledge'],
		2: ['engagement-self-service', 'technology-integration', 'technology-automation', 'organisation-feedback', 'planning-horizon'],
		3: [undefined, undefined, undefined, undefined]
	}
};

export function patternLinks(q: Pick<Questionnaire, 'id' | 'version'>): Record<LevelValue, (string | undefined)[]> | undefined {
	return LINKS[`${q.id}@${q.version}`];
}

/**
 * `matches`: the person's answer to the linked question is at this level, so the pattern describes
 * them. `typical`: nothing in the answers speaks for or against it.
 */
export type PatternFit = { text: LocalizedText; fit: 'matches' | 'typical' };
export type Patterns = { level: LevelValue; shown: PatternFit[]; /** Left out because an answer contradicts them. */ omitted: number };

/**
 * The patterns of a level as they apply to one person (issue 13: bullets that contradicted the
 * answers just given). A pattern is contradicted, and left out, when the linked question was
 * answered with an option of another level; "don't know" and unanswered questions contradict nothing.
 */
export function patternsFor(q: Questionnaire, answers: Answers, level: LevelValue): Patterns {
	const links = patternLinks(q)?.[level] ?? [];
	const levelOfOption = new Map(q.questions.flatMap((x) => x.options.map((o) => [o.id, o.level] as const)));
	const shown: PatternFit[] = [];
	let omitted = 0;
	q.levels[level - 1]!.patterns.forEach((text, i) => {
		const question = links[i];
		const answer = question ? answers[question] : undefined;
		const answered = typeof answer === 'string' ? levelOfOption.get(answer) : undefined;
		if (answered === undefined) shown.push({ text, fit: 'typical' });
		else if (answered === level) shown.push({ text, fit: 'matches' });
		else omitted++;
	});
	return { level, shown, omitted };
}
