import { toIndex, type Thresholds } from '$lib/core/levels';
import type { LevelValue } from '$lib/core/questionnaire.schema';

export type Band = { level: LevelValue; from: number; to: number };

/** The three level bands on the 0–100 index axis, derived from the questionnaire's thresholds. */
export function levelBands(thresholds: Thresholds): Band[] {
	const a = toIndex(thresholds.reactiveMax);
	const b = toIndex(thresholds.optimisingMax);
	return [
		{ level: 1, from: 0, to: a },
		{ level: 2, from: a, to: b },
		{ level: 3, from: b, to: 100 }
	];
}
