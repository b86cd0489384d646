import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

export type Thresholds = Questionnaire['scoring']['thresholds'];

/** The level of a mean on the 1–3 scale: ≤ reactiveMax → 1, ≤ optimisingMax → 2, above → 3. */
export function levelOf(mean: number, thresholds: Thresholds): LevelValue {
	if (mean <= thresholds.reactiveMax) return 1;
	if (mean <= thresholds.optimisingMax) return 2;
	return 3;
}

/** Maps a mean on the 1–3 scale to 0–100, rounded to a whole number for display. */
export function toIndex(mean: number): number {
	return Math.round(((mean - 1) / 2) * 100);
}

export const mean = (values: readonly number[]): number =>
	values.reduce((sum, v) => sum + v, 0) / values.length;

/** Rounds to two decimals so that results are stable across platforms and easy to compare. */
export const round2 = (value: number): number => Math.round(value * 100) / 100;
