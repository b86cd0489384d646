import { describe, expect, it } from 'vitest';
import { levelBands } from './level-bands';

describe('levelBands', () => {
	it.each([
		{ thresholds: { reactiveMax: 1.5, optimisingMax: 2.5 }, bands: [[0, 25], [25, 75], [75, 100]] },
		{ thresholds: { reactiveMax: 1.4, optimisingMax: 2.2 }, bands: [[0, 20], [20, 60], [60, 100]] }
	])('thresholds $thresholds give bands $bands', ({ thresholds, bands }) => {
		expect(levelBands(thresholds).map((b) => [b.from, b.to])).toEqual(bands);
		expect(levelBands(thresholds).map((b) => b.level)).toEqual([1, 2, 3]);
	});
});
