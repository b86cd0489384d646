import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { allAt, answersV2, fixtureV2 } from './questionnaire.fixture-v2.js';
import { profileOf, scoreDimensions, scoreOverall, scoringRules } from './scoring.js';

type Expected = { mean: number; level: number } | 'not enough';
const dimension = (answers: Answers, id: string): Expected => {
	const d = scoreDimensions(fixture, answers).find((x) => x.dimensionId === id);
	return d?.score ? { mean: d.score.mean, level: d.score.level } : 'not enough';
};

describe('dimension score', () => {
	it.each<{ name: string; answers: Answers; expected: Expected }>([
		{ name: 'all reactive', answers: answersOf({ a: [1, 1, 1] }), expected: { mean: 1, level: 1 } },
		{ name: 'mean 1.5 is still reactive', answers: answersOf({ a: [1, 2] }), expected: { mean: 1.5, level: 1 } },
		{ name: 'mean 1.67 is optimising', answers: answersOf({ a: [2, 2, 1] }), expected: { mean: 1.67, level: 2 } },
		{ name: 'mean 2.5 is still optimising', answers: answersOf({ a: [2, 3] }), expected: { mean: 2.5, level: 2 } },
		{ name: 'mean 2.67 is strategic', answers: answersOf({ a: [3, 3, 2] }), expected: { mean: 2.67, level: 3 } },
		{ name: "don't know is not a score", answers: answersOf({ a: [3, null, 3] }), expected: { mean: 3, level: 3 } },
		{ name: 'one answer is below minAnswered', answers: answersOf({ a: [1, null, null] }), expected: 'not enough' },
		{ name: 'unanswered questions do not count', answers: answersOf({ a: [undefined, 2] }), expected: 'not enough' },
		{ name: 'an unknown option id counts as unanswered', answers: { a1: 'a1.9', a2: 'a2.3', a3: 'a3.3' }, expected: { mean: 3, level: 3 } }
	])('$name', ({ answers, expected }) => {
		expect(dimension(answers, 'a')).toEqual(expected);
	});

	it('counts answered and don\'t-know questions separately', () => {
		const [a] = scoreDimensions(fixture, answersOf({ a: [2, null, undefined] }));
		expect(a).toMatchObject({ answered: 1, dontKnow: 1, questionCount: 3, levels: [2] });
	});
});

describe('overall score', () => {
	it.each<{ name: string; answers: Answers; expected: ReturnType<typeof scoreOverall> | undefined; cap?: number }>([
		{
			name: 'the unweighted mean of the dimension means',
			answers: answersOf({ a: [1, 2], b: [2, 2, 2], c: [3, 3] }),
			expected: { mean: 2.17, index: 58, level: 2, uncappedLevel: 2, capped: false, weakestDimensionId: 'a', strongestDimensionId: 'c' }
		},
		{
			name: 'dimensions without enough answers are left out',
			answers: answersOf({ a: [1, null, null], b: [3, 3], c: [3, 3, 3] }),
			expected: { mean: 3, index: 100, level: 3, uncappedLevel: 3, capped: false, weakestDimensionId: 'b', strongestDimensionId: 'b' }
		},
		{ name: 'no scored dimension gives no overall result', answers: answersOf({ a: [1], b: [null, null, null] }), expected: undefined },
		{
			name: 'capped at the weakest dimension plus the allowed step',
			cap: 0,
			answers: answersOf({ a: [2, 2], b: [3, 3, 3], c: [3, 3, 3] }),
			expected: { mean: 2.67, index: 83, level: 2, uncappedLevel: 3, capped: true, weakestDimensionId: 'a', strongestDimensionId: 'b' }
		},
		{
			name: 'not capped when the mean stays within the allowed step',
			answers: answersOf({ a: [1, 1, 1], b: [3, 3, 3], c: [3, 3, 3] }),
			expected: { mean: 2.33, index: 67, level: 2, uncappedLevel: 2, capped: false, weakestDimensionId: 'a', strongestDimensionId: 'b' }
		}
	])('$name', ({ answers, expected, cap }) => {
		const q = cap === undefined ? fixture : { ...fixture, scoring: { ...fixture.scoring, overall: { maxLevelsAboveWeakest: cap } } };
		expect(scoreOverall(q, scoreDimensions(q, answers))).toEqual(expected);
	});
});

describe('format 2: exact boundaries are transitions (v2 fixture)', () => {
	const score = (answers: Answers, id: string) => scoreDimensions(fixtureV2, answers).find((d) => d.dimensionId === id)?.score;
	it.each<{ name: string; answers: Answers; id: string; expected: ReturnType<typeof score> }>([
		{ name: '1 and 2 average 1.5: level 1, transition 1→2', answers: answersV2({ a: [1, 2] }), id: 'a', expected: { mean: 1.5, index: 25, level: 1, transition: [1, 2] } },
		{ name: '2 and 3 average 2.5: level 2, transition 2→3', answers: answersV2({ a: [2, 3] }), id: 'a', expected: { mean: 2.5, index: 75, level: 2, transition: [2, 3] } },
		{ name: "don't know turns 2, 3, ? into a transition", answers: answersV2({ a: [2, 3, null] }), id: 'a', expected: { mean: 2.5, index: 75, level: 2, transition: [2, 3] } },
		{ name: 'four questions 1, 1, 2, 2 average 1.5', answers: answersV2({ d: [1, 1, 2, 2] }), id: 'd', expected: { mean: 1.5, index: 25, level: 1, transition: [1, 2] } },
		{ name: 'four questions 2, 2, 3, 3 average 2.5', answers: answersV2({ d: [2, 2, 3, 3] }), id: 'd', expected: { mean: 2.5, index: 75, level: 2, transition: [2, 3] } },
		{ name: '1, 2, 3 average 2: no transition', answers: answersV2({ a: [1, 2, 3] }), id: 'a', expected: { mean: 2, index: 50, level: 2 } },
		{ name: '2, 2, 3 average 2.33: no transition', answers: answersV2({ a: [2, 2, 3] }), id: 'a', expected: { mean: 2.33, index: 67, level: 2 } }
	])('$name', ({ answers, id, expected }) => expect(score(answers, id)).toEqual(expected));

	it('1.x files keep rounding down without a transition', () => {
		expect(scoreDimensions(fixture, answersOf({ a: [1, 2] }))[0]?.score).toEqual({ mean: 1.5, index: 25, level: 1 });
	});
});

describe('format 2: the overall level (v2 fixture, six dimensions)', () => {
	type Overall = ReturnType<typeof scoreOverall>;
	const overall = (answers: Answers) => scoreOverall(fixtureV2, scoreDimensions(fixtureV2, answers));
	const pick = (o: Overall) => o && { mean: o.mean, level: o.level, capped: o.capped, transition: o.transition, provisional: o.provisional };
	it.each<{ name: string; answers: Answers; expected: ReturnType<typeof pick> }>([
		{ name: 'all six at 2: level 2, nothing to flag', answers: allAt(2), expected: { mean: 2, level: 2, capped: false, transition: undefined, provisional: undefined } },
		{
			name: 'three at 2 and three at 3 average 2.5: transition 2→3',
			answers: allAt(3, { a: [2, 2, 2], b: [2, 2, 2], c: [2, 2, 2] }),
			expected: { mean: 2.5, level: 2, capped: false, transition: [2, 3], provisional: undefined }
		},
		{
			name: 'means 1, 1, 1, 2, 2, 2 average 1.5: transition 1→2',
			answers: allAt(2, { a: [1, 1, 1], b: [1, 1, 1], c: [1, 1, 1] }),
			expected: { mean: 1.5, level: 1, capped: false, transition: [1, 2], provisional: undefined }
		},
		{
			name: 'means 1, 3, 3, 3, 3, 2 average 2.5, but a reactive dimension caps at 2: no transition',
			answers: allAt(3, { a: [1, 1, 1], f: [2, 2, 2] }),
			expected: { mean: 2.5, level: 2, capped: false, transition: undefined, provisional: undefined }
		},
		{
			name: 'four of six scored: provisional, too few dimensions',
			answers: allAt(2, { e: [null, null, null], f: [2, null, null] }),
			expected: { mean: 2, level: 2, capped: false, transition: undefined, provisional: { reason: 'few-dimensions', scored: 4, required: 5, unscored: ['e', 'f'] } }
		},
		{
			name: 'five of six at 3, the sixth unscored: strategic only if it is not reactive, so provisional',
			answers: allAt(3, { f: [null, null, 1] }),
			expected: { mean: 3, level: 3, capped: false, transition: undefined, provisional: { reason: 'cap-unknown', scored: 5, required: 5, unscored: ['f'] } }
		},
		{
			name: 'five of six at 2, the sixth unscored: no cap could lower level 2, so stated',
			answers: allAt(2, { a: [null, null, null] }),
			expected: { mean: 2, level: 2, capped: false, transition: undefined, provisional: undefined }
		},
		{
			name: 'five scored averaging 2.5 (transition 2→3), the sixth unscored: provisional',
			answers: allAt(3, { a: [2, 2, 2], b: [2, 2, 2], e: [2, 3], f: [null, null, null] }),
			expected: { mean: 2.5, level: 2, capped: false, transition: [2, 3], provisional: { reason: 'cap-unknown', scored: 5, required: 5, unscored: ['f'] } }
		}
	])('$name', ({ answers, expected }) => expect(pick(overall(answers))).toEqual(expected));

	it('1.x files state the overall level from any number of dimensions, as before', () => {
		const o = scoreOverall(fixture, scoreDimensions(fixture, answersOf({ a: [3, 3], b: [null, null, null], c: [3, null, null] })));
		expect(o).toMatchObject({ level: 3 });
		expect(o?.provisional).toBeUndefined();
	});
});

describe('profile', () => {
	it('counts dimensions per level and per transition, and those without a score', () => {
		const dimensions = scoreDimensions(fixtureV2, answersV2({ a: [1, 1], b: [1, 2], c: [2, 2], d: [2, 3], e: [3, 3], f: [3] }));
		expect(profileOf(dimensions)).toEqual({ counts: { '1': 1, '1-2': 1, '2': 1, '2-3': 1, '3': 1 }, unscored: 1 });
	});

	it('in 1.x a boundary mean counts on its level', () => {
		expect(profileOf(scoreDimensions(fixture, answersOf({ a: [1, 2], b: [2, 3] })))).toEqual({ counts: { '1': 1, '1-2': 0, '2': 1, '2-3': 0, '3': 0 }, unscored: 1 });
	});
});

describe('scoring rules by version', () => {
	it.each([
		{ version: '1.0.0', expected: { transitions: false, minScoredDimensions: 0, smallGroupGaps: false, itemSpread: false } },
		{ version: '1.9.3', expected: { transitions: false, minScoredDimensions: 0, smallGroupGaps: false, itemSpread: false } },
		{ version: '2.0.0', expected: { transitions: true, minScoredDimensions: 5, smallGroupGaps: true, itemSpread: true } },
		{ version: '10.1.0', expected: { transitions: true, minScoredDimensions: 5, smallGroupGaps: true, itemSpread: true } }
	])('$version', ({ version, expected }) => expect(scoringRules({ ...fixtureV2, version })).toEqual(expected));
});
