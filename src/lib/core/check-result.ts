import type { Answers } from './answers.js';
import { assessConsistency, type Consistency } from './consistency.js';
import type { Questionnaire, Recommendation } from './questionnaire.schema.js';
import { recommendationFor, topRecommendations } from './recommendations.js';
import { scoreDimensions, scoreOverall, type DimensionScore, type OverallScore } from './scoring.js';

export type CheckResult = {
	questionnaire: { id: string; version: string };
	dimensions: DimensionScore[];
	overall?: OverallScore;
	consistency: Consistency;
	top: Recommendation[];
	/** Per dimension, the recommendation for its current level (absent without a score). */
	byDimension: Record<string, Recommendation | undefined>;
	answeredCount: number;
	questionCount: number;
};

/** Everything the result page shows, computed from one person's answers. */
export function computeCheckResult(q: Questionnaire, answers: Answers): CheckResult {
	const dimensions = scoreDimensions(q, answers);
	return {
		questionnaire: { id: q.id, version: q.version },
		dimensions,
		overall: scoreOverall(q, dimensions),
		consistency: assessConsistency(q, dimensions),
		top: topRecommendations(q, dimensions),
		byDimension: Object.fromEntries(
			dimensions.map((d) => [d.dimensionId, d.score ? recommendationFor(q, d.dimensionId, d.score.level) : undefined])
		),
		answeredCount: dimensions.reduce((n, d) => n + d.answered + d.dontKnow, 0),
		questionCount: q.questions.length
	};
}
