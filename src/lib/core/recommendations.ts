import type { Consistency } from './consistency.js';
import type { DimensionScore } from './scoring.js';
import type { LevelValue, Questionnaire, Recommendation, TriggeredRecommendation } from './questionnaire.schema.js';

/** The recommendation written for a dimension at a level (the first one, if the file has several). */
export function recommendationFor(q: Questionnaire, dimensionId: string, level: LevelValue): Recommendation | undefined {
	return q.recommendations.find((r) => r.dimension === dimensionId && r.level === level);
}

/**
 * The most useful recommendations for a result: the weakest scored dimensions first (ties in the
 * questionnaire's dimension order), one recommendation each, at that dimension's level.
 */
export function topRecommendations(q: Questionnaire, dimensions: DimensionScore[], count = 3): Recommendation[] {
	const order = new Map(q.dimensions.map((d, i) => [d.id, i]));
	return dimensions
		.flatMap((d) => (d.score ? [{ id: d.dimensionId, ...d.score }] : []))
		.sort((a, b) => a.mean - b.mean || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
		.flatMap((d) => recommendationFor(q, d.id, d.level) ?? [])
		.slice(0, count);
}

/**
 * Recommendations for findings other than a dimension's level (format 2): one for each tension
 * that fired, one when "don't know" is notable overall, one for each dimension with many "don't
 * know" answers. In file order, which puts tensions before missing information.
 */
export function triggeredRecommendations(q: Questionnaire, consistency: Consistency): TriggeredRecommendation[] {
	const tensions = new Set(consistency.tensions.map((t) => t.id));
	const dontKnowDimensions = new Set(consistency.dontKnow.dimensions);
	return (q.triggeredRecommendations ?? []).filter(({ trigger }) => {
		if (trigger.kind === 'tension') return tensions.has(trigger.tension);
		return trigger.dimension === undefined ? consistency.dontKnow.notable : dontKnowDimensions.has(trigger.dimension);
	});
}
