import { describe, expect, it } from 'vitest';
import type { TrendMeasurement } from '$lib/protocol';
import { changeSinceLast, spreadOf } from './trend';

const m = (groups: Record<string, number | null>): TrendMeasurement => ({
	code: 'X',
	createdAt: '',
	title: '',
	agreements: {},
	groups: Object.fromEntries(
		Object.entries(groups).map(([id, mean]): [string, TrendMeasurement['groups'][string]] => [id, mean === null ? { n: 1, suppressed: true, dimensions: {} } : { n: 5, suppressed: false, dimensions: { d: { mean } } }])
	)
});

describe('trend figures', () => {
	it('measures the spread between shown groups only', () => {
		expect(spreadOf(m({ a: 3, b: 1.5, c: null }), 'd')).toBe(1.5);
		expect(spreadOf(m({ a: 3, b: null }), 'd')).toBeUndefined();
	});

	it('says how each group moved and whether the gap narrowed; a group missing once has no change', () => {
		const result = changeSinceLast([m({ a: 3, b: 1, c: 2 }), m({ a: 2.8, b: 2, c: null })], 'd');
		expect(result).toEqual({
			groups: [
				{ groupId: 'a', now: 2.8, change: -0.2 },
				{ groupId: 'b', now: 2, change: 1 },
				{ groupId: 'c', now: undefined, change: undefined }
			],
			gap: 'narrowed'
		});
		expect(changeSinceLast([m({ a: 2, b: 2 }), m({ a: 3, b: 1 })], 'd')?.gap).toBe('widened');
		expect(changeSinceLast([m({ a: 2, b: 2 })], 'd')).toBeUndefined();
	});
});
