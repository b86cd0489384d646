import type { Answers } from './answers.js';
import { levelOf, mean, round2, toIndex } from './levels.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

export type DimensionScore = {
	dimensionId: string;
	questionCount: number;
	/** Questions answered with an option (don't know excluded). */
	answered: number;
	dontKnow: number;
	/** The levels of the chosen options, in question order. */
	levels: LevelValue[];
	/** Absent when fewer than `minAnswered` questions were answered: not enough to say. */
	score?: { mean: number; index: number; level: LevelValue };
};

export type OverallScore = {
	mean: number;
	index: number;
	level: LevelValue;
	/** The level the mean alone would give, before the cap by the weakest dimension. */
	uncappedLevel: LevelValue;
	capped: boolean;
	weakestDimensionId: string;
	strongestDimensionId: string;
};

/** Level and index come from the exact mean; only the shown mean is rounded. */
function scoreOf(exact: number, q: Questionnaire) {
	return { mean: round2(exact), index: toIndex(exact), level: levelOf(exact, q.scoring.thresholds) };
}

/** The level of each chosen option, looked up once per questionnaire. */
function optionLevels(q: Questionnaire): Map<string, LevelValue> {
	const map = new Map<string, LevelValue>();
	for (const question of q.questions) for (const o of question.options) map.set(`${question.id}\u0000${o.id}`, o.level);
	return map;
}

/** Scores each dimension from one person's answers; unknown option ids count as unanswered. */
export function scoreDimensions(q: Questionnaire, answers: Answers): DimensionScore[] {
	const levelsByOption = optionLevels(q);
	return q.dimensions.map((d) => {
		const questions = q.questions.filter((x) => x.dimension === d.id);
		const levels: LevelValue[] = [];
		let dontKnow = 0;
		for (const question of questions) {
			const answer = answers[question.id];
			if (answer === null) dontKnow++;
			else if (answer !== undefined) {
				const level = levelsByOption.get(`${question.id}\u0000${answer}`);
				if (level) levels.push(level);
			}
		}
		const result: DimensionScore = { dimensionId: d.id, questionCount: questions.length, answered: levels.length, dontKnow, levels };
		if (levels.length >= q.scoring.minAnswered) result.score = scoreOf(mean(levels), q);
		return result;
	});
}

/**
 * The overall result: the unweighted mean of the scored dimensions. Its level is the mean's level,
 * but at most `maxLevelsAboveWeakest` above the weakest dimension: in a staged model an
 * organisation is not strategic while one dimension is still reactive.
 */
export function scoreOverall(q: Questionnaire, dimensions: DimensionScore[]): OverallScore | undefined {
	const scored = dimensions.flatMap((d) => (d.score ? [{ id: d.dimensionId, exact: mean(d.levels), ...d.score }] : []));
	if (scored.length === 0) return undefined;
	const overall = scoreOf(mean(scored.map((d) => d.exact)), q);
	// Ties go to the dimension listed first, so the answer is stable and follows the questionnaire.
	const weakest = scored.reduce((a, b) => (b.exact < a.exact ? b : a));
	const strongest = scored.reduce((a, b) => (b.exact > a.exact ? b : a));
	const uncappedLevel = overall.level;
	const cap = Math.min(3, weakest.level + q.scoring.overall.maxLevelsAboveWeakest) as LevelValue;
	const level = Math.min(uncappedLevel, cap) as LevelValue;
	return {
		mean: overall.mean,
		index: overall.index,
		level,
		uncappedLevel,
		capped: level < uncappedLevel,
		weakestDimensionId: weakest.id,
		strongestDimensionId: strongest.id
	};
}
