import type { DimensionScore } from './scoring.js';
import type { LevelValue, Questionnaire, Recommendation } from './questionnaire.schema.js';

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
