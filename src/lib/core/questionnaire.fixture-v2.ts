import type { Answers } from './answers.js';
import { fixture } from './questionnaire.fixture.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

/**
 * A format-2 questionnaire for table-driven tests of the 2.0 rules: six dimensions a–f like the
 * real file (so "5 of 6 scored" can be tested), three questions each except d with four; option
 * `<question>.<n>` sits at level n. Thresholds, caps and divergence as in the real file.
 */
const text = (s: string) => ({ de: s, en: s });
export const DIMS_V2 = ['a', 'b', 'c', 'd', 'e', 'f'] as const;
export type DimV2 = (typeof DIMS_V2)[number];
const questionCount = (d: DimV2) => (d === 'd' ? 4 : 3);

export const fixtureV2: Questionnaire = {
	...fixture,
	id: 'fixture',
	version: '2.0.0',
	dimensions: DIMS_V2.map((id) => ({ id, label: text(id), short: text(id), question: text(id), description: text(id) })),
	questions: DIMS_V2.flatMap((d) =>
		Array.from({ length: questionCount(d) }, (_, i) => ({
			id: `${d}${i + 1}`,
			dimension: d,
			text: text(`${d}${i + 1}`),
			options: ([3, 1, 2] as const).map((level) => ({ id: `${d}${i + 1}.${level}`, level, text: text(String(level)) }))
		}))
	),
	recommendations: DIMS_V2.flatMap((d) =>
		([1, 2, 3] as const).map((level) => ({ id: `rec-${d}-${level}`, dimension: d, level, title: text(`${d}${level}`), body: text('b'), nextStep: text('n') }))
	),
	triggeredRecommendations: [
		{ id: 'rec-c-over-a', trigger: { kind: 'tension', tension: 'c-over-a' }, title: text('t'), body: text('b'), nextStep: text('n'), owner: 'lead', effort: 'S', metric: text('m'), horizon: 'quick-win' },
		{ id: 'rec-dk', trigger: { kind: 'dont-know' }, title: text('t'), body: text('b'), nextStep: text('n'), owner: 'lead', effort: 'S', metric: text('m'), horizon: 'quick-win' },
		{ id: 'rec-dk-d', trigger: { kind: 'dont-know', dimension: 'd' }, title: text('t'), body: text('b'), nextStep: text('n'), owner: 'lead', effort: 'M', metric: text('m'), horizon: 'project' }
	]
};

type Cell = LevelValue | null | undefined;
/** Answers written as levels per dimension, as `answersOf` of the 1.x fixture, for dimensions a–f. */
export function answersV2(spec: Partial<Record<DimV2, Cell[]>>): Answers {
	const answers: Record<string, string | null> = {};
	for (const [d, cells] of Object.entries(spec))
		cells?.forEach((cell, i) => {
			if (cell === undefined) return;
			answers[`${d}${i + 1}`] = cell === null ? null : `${d}${i + 1}.${cell}`;
		});
	return answers;
}

/** Every dimension answered at the given level, each overridable. */
export function allAt(level: LevelValue, spec: Partial<Record<DimV2, Cell[]>> = {}): Answers {
	const base = Object.fromEntries(DIMS_V2.map((d) => [d, Array.from({ length: questionCount(d) }, () => level)]));
	return answersV2({ ...base, ...spec });
}
