import type { TrendMeasurement } from '$lib/protocol';

/** Highest minus lowest group mean in one dimension of one measurement; undefined with fewer than two groups shown. */
export function spreadOf(m: TrendMeasurement, dimensionId: string): number | undefined {
	const means = Object.values(m.groups).flatMap((g) => (g.suppressed || g.dimensions[dimensionId] === undefined ? [] : [g.dimensions[dimensionId]!.mean]));
	return means.length >= 2 ? Math.max(...means) - Math.min(...means) : undefined;
}

/**
 * How one group's figure and the gap between groups moved from the previous measurement to the
 * last: `change` (last − previous, on the 1–3 scale) per group, and whether the gap narrowed.
 * A group missing in either measurement (too few people) has no change: it is not estimated.
 */
export function changeSinceLast(measurements: readonly TrendMeasurement[], dimensionId: string) {
	const last = measurements.at(-1);
	const previous = measurements.at(-2);
	if (!last || !previous) return undefined;
	const groups = Object.keys(last.groups).map((groupId) => {
		const now = last.groups[groupId]?.dimensions[dimensionId]?.mean;
		const before = previous.groups[groupId]?.dimensions[dimensionId]?.mean;
		return { groupId, now, change: now !== undefined && before !== undefined ? Math.round((now - before) * 100) / 100 : undefined };
	});
	const gapNow = spreadOf(last, dimensionId);
	const gapBefore = spreadOf(previous, dimensionId);
	const gap = gapNow !== undefined && gapBefore !== undefined ? (gapNow < gapBefore - 1e-9 ? 'narrowed' : gapNow > gapBefore + 1e-9 ? 'widened' : 'same') : undefined;
	return { groups, gap };
}
