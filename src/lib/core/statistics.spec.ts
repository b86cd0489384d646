import { describe, expect, it } from 'vitest';
import { gapSignificance, itemAd, itemSpread, sampleVariance, standardErrorOfDifference, type GroupSample } from './statistics.js';

describe('sample variance', () => {
	it.each([
		{ values: [1, 2, 3], expected: 1 }, // (1 + 0 + 1) / 2
		{ values: [1, 3], expected: 2 }, // (1 + 1) / 1
		{ values: [2, 2, 2], expected: 0 },
		{ values: [3, 3, 2], expected: 1 / 3 }, // ((1/3)² + (1/3)² + (2/3)²) / 2 = (6/9) / 2
		{ values: [2], expected: undefined },
		{ values: [], expected: undefined }
	])('$values', ({ values, expected }) => {
		if (expected === undefined) expect(sampleVariance(values)).toBeUndefined();
		else expect(sampleVariance(values)).toBeCloseTo(expected, 12);
	});
});

describe('standard error of the difference of two means', () => {
	it.each<{ name: string; a: GroupSample; b: GroupSample; expected: number }>([
		{ name: 'var 1 over 3 people against var 0: √(1/3)', a: { mean: 2, n: 3, variance: 1 }, b: { mean: 2, n: 3, variance: 0 }, expected: Math.sqrt(1 / 3) },
		{ name: 'var 0.5 over 5 and over 4: √(0.1 + 0.125) = 0.474', a: { mean: 2, n: 5, variance: 0.5 }, b: { mean: 2, n: 4, variance: 0.5 }, expected: Math.sqrt(0.225) },
		{ name: 'both groups unanimous: 0', a: { mean: 3, n: 3, variance: 0 }, b: { mean: 2, n: 3, variance: 0 }, expected: 0 },
		{ name: 'one person alone: unknown, so infinite', a: { mean: 3, n: 1, variance: undefined }, b: { mean: 2, n: 3, variance: 0 }, expected: Infinity }
	])('$name', ({ a, b, expected }) => expect(standardErrorOfDifference(a, b)).toBeCloseTo(expected, 12));
});

describe('when a gap may be read as real', () => {
	it.each<{ name: string; a: GroupSample; b: GroupSample; expected: ReturnType<typeof gapSignificance> }>([
		{ name: 'five people on each side: the size alone decides', a: { mean: 2.2, n: 5, variance: 1 }, b: { mean: 2, n: 5, variance: 1 }, expected: 'enough-people' },
		{ name: 'three unanimous against three unanimous, one level apart: SE 0', a: { mean: 3, n: 3, variance: 0 }, b: { mean: 2, n: 3, variance: 0 }, expected: 'beyond-noise' },
		{
			name: '3, 3, 2 against 2, 2, 2: gap 2/3 equals 2 × SE (1/3), which does not exceed it',
			a: { mean: 8 / 3, n: 3, variance: 1 / 3 },
			b: { mean: 2, n: 3, variance: 0 },
			expected: 'small-groups'
		},
		{ name: 'five against four, gap 0.5 under 2 × 0.474', a: { mean: 2.5, n: 5, variance: 0.5 }, b: { mean: 2, n: 4, variance: 0.5 }, expected: 'small-groups' },
		{ name: 'five against four, gap 1 over 2 × 0.474', a: { mean: 3, n: 5, variance: 0.5 }, b: { mean: 2, n: 4, variance: 0.5 }, expected: 'beyond-noise' },
		{ name: 'a group of one never tells a gap from chance', a: { mean: 3, n: 1, variance: undefined }, b: { mean: 1, n: 8, variance: 0 }, expected: 'small-groups' }
	])('$name', ({ a, b, expected }) => {
		expect(gapSignificance(a, b)).toBe(expected);
		expect(gapSignificance(b, a)).toBe(expected);
	});
});

describe('AD per question and AD_M(J)', () => {
	it.each([
		{ levels: [1, 3], expected: 1 }, // mean 2, deviations 1 and 1
		{ levels: [1, 2, 3], expected: 2 / 3 }, // mean 2, deviations 1, 0, 1
		{ levels: [1, 3, 2, 1, 3], expected: 0.8 }, // mean 2, deviations 1, 1, 0, 1, 1
		{ levels: [2, 2, 2], expected: 0 },
		{ levels: [1, 1, 1, 3], expected: 0.75 }, // mean 1.5, deviations 0.5 × 3 and 1.5
		{ levels: [3], expected: undefined }
	])('item AD of $levels', ({ levels, expected }) => {
		if (expected === undefined) expect(itemAd(levels)).toBeUndefined();
		else expect(itemAd(levels)).toBeCloseTo(expected, 12);
	});

	it.each([
		{ name: 'the mean of the item ADs: (0.8 + 0.8 + 0) / 3', items: [[1, 3, 2, 1, 3], [3, 1, 2, 3, 1], [2, 2, 2, 2, 2]], expected: 1.6 / 3 },
		{ name: 'a question with one answer is left out: (1 + 0) / 2', items: [[1, 3], [2, 2, 2], [3]], expected: 0.5 },
		{ name: 'no question with two answers: none', items: [[1], [], [3]], expected: undefined }
	])('$name', ({ items, expected }) => {
		if (expected === undefined) expect(itemSpread(items)).toBeUndefined();
		else expect(itemSpread(items)).toBeCloseTo(expected, 12);
	});
});
