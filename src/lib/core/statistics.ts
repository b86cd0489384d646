import { mean } from './levels.js';

/**
 * Small statistics for workshop figures (format 2), each with its source in docs/scoring.md.
 * Inputs are plain numbers on the 1–3 scale, so every rule can be checked by hand.
 */

/** Both groups need this many people before a gap's size alone may call it notable (review §5.2). */
export const GAP_MIN_GROUP = 5;

/** The sample variance (n − 1 in the denominator); undefined below two values, where it has no meaning. */
export function sampleVariance(values: readonly number[]): number | undefined {
	if (values.length < 2) return undefined;
	const m = mean(values);
	return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1);
}

/** A group's side of a gap: its mean, its size and the sample variance of its people's scores. */
export type GroupSample = { mean: number; n: number; variance: number | undefined };

/**
 * Standard error of the difference of two independent group means, √(s₁²/n₁ + s₂²/n₂) (Welch).
 * Infinite when a group has fewer than two people: one person says nothing about chance.
 */
export function standardErrorOfDifference(a: GroupSample, b: GroupSample): number {
	if (a.variance === undefined || b.variance === undefined) return Infinity;
	return Math.sqrt(a.variance / a.n + b.variance / b.n);
}

/**
 * Why a gap between two groups may be read as real: both groups have at least `GAP_MIN_GROUP`
 * people, or the difference of their means exceeds twice its standard error. Otherwise it may be
 * chance (`small-groups`), however large it looks.
 */
export function gapSignificance(a: GroupSample, b: GroupSample): 'enough-people' | 'beyond-noise' | 'small-groups' {
	if (a.n >= GAP_MIN_GROUP && b.n >= GAP_MIN_GROUP) return 'enough-people';
	// A tiny tolerance keeps float error from deciding a tie; a tie is not "exceeds".
	return Math.abs(a.mean - b.mean) > 2 * standardErrorOfDifference(a, b) + 1e-9 ? 'beyond-noise' : 'small-groups';
}

/** Average absolute deviation of one question's chosen levels around their mean; undefined below two answers. */
export function itemAd(levels: readonly number[]): number | undefined {
	if (levels.length < 2) return undefined;
	const m = mean(levels);
	return mean(levels.map((l) => Math.abs(l - m)));
}

/**
 * AD_M(J) (Burke & Dunlap 2002): the average of the per-question ADs over a dimension's questions,
 * leaving out questions fewer than two people answered. Undefined when none is left.
 */
export function itemSpread(levelsPerQuestion: readonly (readonly number[])[]): number | undefined {
	const ads = levelsPerQuestion.flatMap((levels) => {
		const ad = itemAd(levels);
		return ad === undefined ? [] : [ad];
	});
	return ads.length ? mean(ads) : undefined;
}
