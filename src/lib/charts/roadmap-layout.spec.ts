import { describe, expect, it } from 'vitest';
import { resizeMeasure, shiftMeasure, stackRows } from './roadmap-layout';

describe('stackRows', () => {
	it('stacks overlapping measures of a lane into rows and keeps an empty lane', () => {
		const { rows, lanes, rowOf } = stackRows(
			[
				{ id: 'a', dimensionId: 'x', startMonth: 1, endMonth: 3 },
				{ id: 'b', dimensionId: 'x', startMonth: 2, endMonth: 6 },
				{ id: 'c', dimensionId: 'x', startMonth: 4, endMonth: 5 },
				{ id: 'd', dimensionId: 'z', startMonth: 1, endMonth: 12 }
			],
			['x', 'y', 'z']
		);
		expect(rows.map((r) => r.key)).toEqual(['x:0', 'x:1', 'y:0', 'z:0']);
		expect(lanes).toEqual([
			{ dimensionId: 'x', rows: ['x:0', 'x:1'] },
			{ dimensionId: 'y', rows: ['y:0'] },
			{ dimensionId: 'z', rows: ['z:0'] }
		]);
		// c starts after a ends, so it shares a's row; b overlaps a and goes below.
		expect(Object.fromEntries(rowOf)).toEqual({ a: 'x:0', c: 'x:0', b: 'x:1', d: 'z:0' });
	});

	it('puts a measure starting the month after another ends in the same row, not one starting in it', () => {
		const { rowOf } = stackRows(
			[
				{ id: 'a', dimensionId: 'x', startMonth: 1, endMonth: 2 },
				{ id: 'b', dimensionId: 'x', startMonth: 2, endMonth: 4 },
				{ id: 'c', dimensionId: 'x', startMonth: 3, endMonth: 3 }
			],
			['x']
		);
		expect(Object.fromEntries(rowOf)).toEqual({ a: 'x:0', b: 'x:1', c: 'x:0' });
	});
});

describe('moving and resizing', () => {
	const project = { kind: 'project' as const, startMonth: 3, endMonth: 6 };
	const quick = { kind: 'quick-win' as const, startMonth: 1, endMonth: 2 };
	it.each([
		['project one month later', project, 1, { startMonth: 4, endMonth: 7 }],
		['project to the start', project, -5, { startMonth: 1, endMonth: 4 }],
		['project past the end stops at month 12', project, 20, { startMonth: 9, endMonth: 12 }],
		['quick win one month later', quick, 1, { startMonth: 2, endMonth: 3 }],
		['quick win may not end after month 3', quick, 2, undefined]
	])('%s', (_name, m, delta, expected) => {
		expect(shiftMeasure(m, delta)).toEqual(expected);
	});

	it.each([
		['longer', project, 'end', 2, { startMonth: 3, endMonth: 8 }],
		['never shorter than one month', project, 'end', -9, { startMonth: 3, endMonth: 3 }],
		['start earlier', project, 'start', -2, { startMonth: 1, endMonth: 6 }],
		['start never after the end', project, 'start', 9, { startMonth: 6, endMonth: 6 }],
		['a quick win cannot grow past month 3', quick, 'end', 2, undefined],
		['a quick win may grow to month 3', quick, 'end', 1, { startMonth: 1, endMonth: 3 }]
	] as const)('%s', (_name, m, edge, delta, expected) => {
		expect(resizeMeasure(m, edge, delta)).toEqual(expected);
	});
});
