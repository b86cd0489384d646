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

type Index = { dimensions: { id: string; questions: { id: string; levels: Map<string, LevelValue> }[] }[] };
const indexes = new WeakMap<Questionnaire, Index>();

/**
 * Questions per dimension and the level of each option, built once per questionnaire object:
 * a workshop scores every person again on each update, so lookups must not rebuild this.
 */
function indexOf(q: Questionnaire): Index {
	let index = indexes.get(q);
	if (!index) {
		index = {
			dimensions: q.dimensions.map((d) => ({
				id: d.id,
				questions: q.questions
					.filter((x) => x.dimension === d.id)
					.map((x) => ({ id: x.id, levels: new Map(x.options.map((o) => [o.id, o.level])) }))
			}))
		};
		indexes.set(q, index);
	}
	return index;
}

/** Scores each dimension from one person's answers; unknown option ids count as unanswered. */
export function scoreDimensions(q: Questionnaire, answers: Answers): DimensionScore[] {
	return indexOf(q).dimensions.map((d) => {
		const questions = d.questions;
		const levels: LevelValue[] = [];
		let dontKnow = 0;
		for (const question of questions) {
			const answer = answers[question.id];
			if (answer === null) dontKnow++;
			else if (answer !== undefined) {
				const level = question.levels.get(answer);
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
