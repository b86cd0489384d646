import type { Answers } from './answers.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

/**
 * A small questionnaire for table-driven tests: dimensions a, b, c with three questions each;
 * option `<question>.<n>` sits at level n. Thresholds, caps and tensions mirror the real file's
 * defaults so that boundaries can be tested without depending on its wording.
 */
const text = (s: string) => ({ de: s, en: s });
const dims = ['a', 'b', 'c'] as const;

export const fixture: Questionnaire = {
	id: 'fixture',
	version: '1.0.0',
	locales: ['de', 'en'],
	title: text('Fixture'),
	description: text('Fixture'),
	estimatedMinutes: 1,
	levels: [
		{ id: 'reactive', value: 1, label: text('R'), tagline: text('r'), summary: text('r'), patterns: [text('1'), text('2'), text('3')] },
		{ id: 'optimising', value: 2, label: text('O'), tagline: text('o'), summary: text('o'), patterns: [text('1'), text('2'), text('3')] },
		{ id: 'strategic', value: 3, label: text('S'), tagline: text('s'), summary: text('s'), patterns: [text('1'), text('2'), text('3')] }
	],
	dimensions: dims.map((id) => ({ id, label: text(id), short: text(id), question: text(id), description: text(id) })),
	questions: dims.flatMap((d) =>
		[1, 2, 3].map((n) => ({
			id: `${d}${n}`,
			dimension: d,
			text: text(`${d}${n}`),
			options: ([1, 2, 3] as const).map((level) => ({ id: `${d}${n}.${level}`, level, text: text(String(level)) }))
		}))
	),
	scoring: { minAnswered: 2, thresholds: { reactiveMax: 1.5, optimisingMax: 2.5 }, overall: { maxLevelsAboveWeakest: 1 }, dontKnowShare: 0.25 },
	recommendations: dims.flatMap((d) =>
		([1, 2, 3] as const).map((level) => ({ id: `rec-${d}-${level}`, dimension: d, level, title: text(`${d}${level}`), body: text('b'), nextStep: text('n') }))
	),
	divergence: { notableGap: 0.5, majorGap: 1, splitAd: 0.5 },
	tensions: [
		{ id: 'c-over-a', rule: { high: ['c'], low: ['a'], minGap: 1, match: 'any' }, title: text('c>a'), text: text('c>a') },
		{ id: 'bc-over-a', rule: { high: ['b', 'c'], low: ['a'], minGap: 1, match: 'all' }, title: text('bc>a'), text: text('bc>a') }
	]
};

type Cell = LevelValue | null | undefined;
/**
 * Answers written as levels per dimension: `{ a: [1, 2, null] }` answers a1 with level 1, a2 with
 * level 2 and a3 with "don't know"; `undefined` leaves a question unanswered.
 */
export function answersOf(spec: Partial<Record<(typeof dims)[number], Cell[]>>): Answers {
	const answers: Record<string, string | null> = {};
	for (const [d, cells] of Object.entries(spec))
		cells?.forEach((cell, i) => {
			if (cell === undefined) return;
			answers[`${d}${i + 1}`] = cell === null ? null : `${d}${i + 1}.${cell}`;
		});
	return answers;
}
