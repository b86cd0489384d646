import type { DimensionScore } from './scoring.js';
import type { Questionnaire, Tension } from './questionnaire.schema.js';

export type Consistency = {
	/** Dimensions whose answers all sit on one level: a clear, shared picture. */
	consistent: string[];
	/** Dimensions whose answers span level 1 and level 3: the same area looks both weak and strong. */
	ambiguous: string[];
	/** Tension rules that hold between the dimension scores, in file order. */
	tensions: Tension[];
	/**
	 * "Don't know" over all given answers, and `dimensions`: those where a dimension's own share of
	 * its questions reaches the same threshold (1 of 3, 1 of 4 at 25 %), in questionnaire order.
	 */
	dontKnow: { count: number; given: number; share: number; notable: boolean; dimensions: string[] };
};

/** True when "don't know" makes up at least `threshold` of a dimension's questions. */
export function manyDontKnow(d: Pick<DimensionScore, 'dontKnow' | 'questionCount'>, threshold: number): boolean {
	return d.dontKnow > 0 && d.dontKnow / d.questionCount >= threshold - 1e-9;
}

/** True when the rule's high dimensions outscore its low ones by `minGap` (any or every pair). */
export function tensionHolds(tension: Tension, means: ReadonlyMap<string, number>): boolean {
	const pairs: boolean[] = [];
	for (const high of tension.rule.high)
		for (const low of tension.rule.low) {
			const h = means.get(high);
			const l = means.get(low);
			if (h === undefined || l === undefined) continue;
			// A small tolerance keeps 3.0 − 2.0 = 1 from failing a `≥ 1` rule through float error.
			pairs.push(h - l >= tension.rule.minGap - 1e-9);
		}
	if (pairs.length === 0) return false;
	return tension.rule.match === 'any' ? pairs.some(Boolean) : pairs.every(Boolean);
}

export function assessConsistency(q: Questionnaire, dimensions: DimensionScore[]): Consistency {
	const means = new Map(dimensions.flatMap((d) => (d.score ? [[d.dimensionId, d.score.mean] as const] : [])));
	const withAnswers = dimensions.filter((d) => d.answered >= q.scoring.minAnswered);
	const count = dimensions.reduce((n, d) => n + d.dontKnow, 0);
	const given = dimensions.reduce((n, d) => n + d.dontKnow + d.answered, 0);
	const share = given === 0 ? 0 : count / given;
	return {
		consistent: withAnswers.filter((d) => new Set(d.levels).size === 1).map((d) => d.dimensionId),
		ambiguous: dimensions.filter((d) => d.levels.includes(1) && d.levels.includes(3)).map((d) => d.dimensionId),
		tensions: q.tensions.filter((t) => tensionHolds(t, means)),
		dontKnow: {
			count,
			given,
			share,
			notable: count > 0 && share >= q.scoring.dontKnowShare - 1e-9,
			dimensions: dimensions.filter((d) => manyDontKnow(d, q.scoring.dontKnowShare)).map((d) => d.dimensionId)
		}
	};
}
