import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { scoreDimensions, scoreOverall } from './scoring.js';

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
