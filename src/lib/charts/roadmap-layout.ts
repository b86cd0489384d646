import { measureProblem, ROADMAP_MONTHS, type MeasureKind } from '$lib/core/outcome';

type Placeable = { id: string; dimensionId: string; startMonth: number; endMonth: number };

/** One row of the timeline: a dimension's swimlane has as many rows as it needs so bars never overlap. */
export type TimelineRow = { key: string; dimensionId: string; index: number };
export type Lane = { dimensionId: string; rows: string[] };

/**
 * Stacks each dimension's measures into rows: a measure goes into the first row of its lane whose
 * last measure ends before it starts. Every dimension keeps one lane (an empty lane shows where
 * nothing is planned). Returns the rows top to bottom, the lanes, and the row of each measure.
 */
export function stackRows(measures: readonly Placeable[], dimensionOrder: readonly string[]) {
	const rows: TimelineRow[] = [];
	const lanes: Lane[] = [];
	const rowOf = new Map<string, string>();
	for (const dimensionId of dimensionOrder) {
		const mine = measures.filter((m) => m.dimensionId === dimensionId).sort((a, b) => a.startMonth - b.startMonth || a.endMonth - b.endMonth);
		const ends: number[] = [];
		for (const m of mine) {
			let index = ends.findIndex((end) => end < m.startMonth);
			if (index === -1) index = ends.push(0) - 1;
			ends[index] = m.endMonth;
			rowOf.set(m.id, `${dimensionId}:${index}`);
		}
		const lane: Lane = { dimensionId, rows: [] };
		for (let index = 0; index < Math.max(1, ends.length); index++) {
			const key = `${dimensionId}:${index}`;
			rows.push({ key, dimensionId, index });
			lane.rows.push(key);
		}
		lanes.push(lane);
	}
	return { rows, lanes, rowOf };
}

type Span = { kind: MeasureKind; startMonth: number; endMonth: number };

/** Moves a measure by whole months, keeping its length inside the 12 months; undefined when a quick win would end after month 3. */
export function shiftMeasure(m: Span, delta: number): Pick<Span, 'startMonth' | 'endMonth'> | undefined {
	const length = m.endMonth - m.startMonth;
	const startMonth = Math.min(Math.max(1, m.startMonth + delta), ROADMAP_MONTHS - length);
	const next = { startMonth, endMonth: startMonth + length };
	return measureProblem({ ...m, ...next }) ? undefined : next;
}

/** Moves one edge of a measure by whole months; never past the other edge or out of the 12 months. */
export function resizeMeasure(m: Span, edge: 'start' | 'end', delta: number): Pick<Span, 'startMonth' | 'endMonth'> | undefined {
	const next =
		edge === 'end'
			? { startMonth: m.startMonth, endMonth: Math.min(Math.max(m.startMonth, m.endMonth + delta), ROADMAP_MONTHS) }
			: { startMonth: Math.max(1, Math.min(m.endMonth, m.startMonth + delta)), endMonth: m.endMonth };
	return measureProblem({ ...m, ...next }) ? undefined : next;
}
