import { describe, expect, it } from 'vitest';
import { levelOf, toIndex } from './levels.js';

const thresholds = { reactiveMax: 1.5, optimisingMax: 2.5 };

describe('levelOf', () => {
	it.each([
		{ mean: 1, level: 1 },
		{ mean: 1.5, level: 1 },
		{ mean: 1.51, level: 2 },
		{ mean: 2, level: 2 },
		{ mean: 2.5, level: 2 },
		{ mean: 2.51, level: 3 },
		{ mean: 3, level: 3 }
	])('mean $mean is level $level', ({ mean, level }) => {
		expect(levelOf(mean, thresholds)).toBe(level);
	});
});

describe('toIndex', () => {
	it.each([
		{ mean: 1, index: 0 },
		{ mean: 1.5, index: 25 },
		{ mean: 2, index: 50 },
		{ mean: 2.67, index: 84 },
		{ mean: 3, index: 100 }
	])('mean $mean is index $index', ({ mean, index }) => {
		expect(toIndex(mean)).toBe(index);
	});
});
