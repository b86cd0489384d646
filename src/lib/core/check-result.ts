import type { Answers } from './answers.js';
import { assessConsistency, type Consistency } from './consistency.js';
import { contradictionsIn } from './contradictions.js';
import { patternsFor, type Patterns } from './patterns.js';
import type { Contradiction, Questionnaire, Recommendation, TriggeredRecommendation } from './questionnaire.schema.js';
import { recommendationFor, topRecommendations, triggeredRecommendations } from './recommendations.js';
import { profileOf, scoreDimensions, scoreOverall, type DimensionScore, type OverallScore, type Profile } from './scoring.js';

export type CheckResult = {
	questionnaire: { id: string; version: string };
	dimensions: DimensionScore[];
	/** How many dimensions sit on each level: what the result page leads with. */
	profile: Profile;
	overall?: OverallScore;
	consistency: Consistency;
	/** Item-level contradiction rules this person's answers trigger (format 2; none for 1.x). */
	contradictions: Contradiction[];
	top: Recommendation[];
	/** Recommendations for fired tensions and many "don't know" answers (format 2; none for 1.x). */
	triggered: TriggeredRecommendation[];
	/** Per dimension, the recommendation for its current level (absent without a score). */
	byDimension: Record<string, Recommendation | undefined>;
	/** The overall level's typical patterns, without those the answers contradict (absent without an overall). */
	patterns?: Patterns;
	answeredCount: number;
	questionCount: number;
};

/** Everything the result page shows, computed from one person's answers. */
export function computeCheckResult(q: Questionnaire, answers: Answers): CheckResult {
	const dimensions = scoreDimensions(q, answers);
	const overall = scoreOverall(q, dimensions);
	const consistency = assessConsistency(q, dimensions);
	return {
		questionnaire: { id: q.id, version: q.version },
		dimensions,
		profile: profileOf(dimensions),
		overall,
		consistency,
		contradictions: contradictionsIn(q, answers),
		top: topRecommendations(q, dimensions),
		triggered: triggeredRecommendations(q, consistency),
		byDimension: Object.fromEntries(
			dimensions.map((d) => [d.dimensionId, d.score ? recommendationFor(q, d.dimensionId, d.score.level) : undefined])
		),
		...(overall ? { patterns: patternsFor(q, answers, overall.level) } : {}),
		answeredCount: dimensions.reduce((n, d) => n + d.answered + d.dontKnow, 0),
		questionCount: q.questions.length
	};
}
