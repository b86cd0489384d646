import type { Answers } from './answers.js';
import { levelOf, mean, round2, toIndex, type Thresholds } from './levels.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

/** A mean exactly on a level boundary: between two levels, not silently rounded down to the lower one. */
export type Transition = [1, 2] | [2, 3];

export type DimensionScore = {
	dimensionId: string;
	questionCount: number;
	/** Questions answered with an option (don't know excluded). */
	answered: number;
	dontKnow: number;
	/** The levels of the chosen options, in question order. */
	levels: LevelValue[];
	/**
	 * Absent when fewer than `minAnswered` questions were answered: not enough to say. `level` is the
	 * level of the mean as in 1.0.0; `transition` (format 2 only) marks a mean exactly on a boundary.
	 */
	score?: { mean: number; index: number; level: LevelValue; transition?: Transition };
};

/** Why an overall level is only provisional (format 2 only). */
export type Provisional = {
	/**
	 * `few-dimensions`: fewer dimensions scored than `required`; `cap-unknown`: an unscored dimension
	 * could hold the overall level below the one shown, because the cap comes from the weakest one.
	 */
	reason: 'few-dimensions' | 'cap-unknown';
	scored: number;
	required: number;
	/** The dimensions without a score, in questionnaire order. */
	unscored: string[];
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
	/** The overall mean sits exactly on a boundary the cap allows crossing (format 2 only). */
	transition?: Transition;
	/** Present when the overall level cannot be stated with confidence (format 2 only). */
	provisional?: Provisional;
};

/**
 * The rules a questionnaire version is scored by. Format 2 (version ≥ 2.0.0) adds the rules of
 * docs/scoring.md; 1.x files keep exactly the rules they were published with, so that old share
 * links and stored workshops reproduce the same results.
 */
export type ScoringRules = {
	/** Show exact boundary means as a transition between two levels. */
	transitions: boolean;
	/** Dimensions that need a score before the overall level is more than provisional (0: no rule). */
	minScoredDimensions: number;
	/** Workshops: a gap is notable only with enough people or beyond twice its standard error. */
	smallGroupGaps: boolean;
	/** Workshops: a group's spread is the per-question AD averaged over the dimension, AD_M(J). */
	itemSpread: boolean;
};

export function scoringRules(q: Pick<Questionnaire, 'version' | 'dimensions'>): ScoringRules {
	// Parsed here rather than with `majorVersion` from the schema module, which would pull zod into the page.
	const format2 = Number(q.version.split('.')[0]) >= 2;
	return {
		transitions: format2,
		// "At least 5 of 6": all dimensions but one.
		minScoredDimensions: format2 ? Math.max(1, q.dimensions.length - 1) : 0,
		smallGroupGaps: format2,
		itemSpread: format2
	};
}

/** The transition a mean sits on, if it equals a level boundary (within float error). */
export function transitionOf(exact: number, thresholds: Thresholds): Transition | undefined {
	if (Math.abs(exact - thresholds.reactiveMax) < 1e-9) return [1, 2];
	if (Math.abs(exact - thresholds.optimisingMax) < 1e-9) return [2, 3];
	return undefined;
}

/** Level and index come from the exact mean; only the shown mean is rounded. */
function scoreOf(exact: number, q: Questionnaire, rules: ScoringRules) {
	const transition = rules.transitions ? transitionOf(exact, q.scoring.thresholds) : undefined;
	return { mean: round2(exact), index: toIndex(exact), level: levelOf(exact, q.scoring.thresholds), ...(transition ? { transition } : {}) };
}

type Index = { dimensions: { id: string; questions: { id: string; levels: Map<string, LevelValue> }[] }[] };
const indexes = new WeakMap<Questionnaire, Index>();

/**
 * Questions per dimension and the level of each option, built once per questionnaire object:
 * a workshop scores every person again on each update, so lookups must not rebuild this.
 */
export function questionIndex(q: Questionnaire): Index {
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
	const rules = scoringRules(q);
	return questionIndex(q).dimensions.map((d) => {
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
		if (levels.length >= q.scoring.minAnswered) result.score = scoreOf(mean(levels), q, rules);
		return result;
	});
}

/**
 * Whether an overall level can be stated: with too few scored dimensions it cannot, and when a
 * dimension is unscored while the level is above what a reactive dimension would allow, the cap
 * by the weakest dimension may be hiding (review §5.2: "the cap silently disappears").
 * `dimensions` pairs every dimension id with whether it has a score, in questionnaire order.
 */
export function provisionalOf(
	dimensions: { id: string; scored: boolean }[],
	highestLevel: LevelValue,
	required: number,
	maxLevelsAboveWeakest: number
): Provisional | undefined {
	if (required === 0) return undefined;
	const unscored = dimensions.filter((d) => !d.scored).map((d) => d.id);
	const scored = dimensions.length - unscored.length;
	if (scored < required) return { reason: 'few-dimensions', scored, required, unscored };
	if (unscored.length > 0 && highestLevel > 1 + maxLevelsAboveWeakest) return { reason: 'cap-unknown', scored, required, unscored };
	return undefined;
}

/**
 * The level of an overall mean under the cap, with its transition where the cap lets the mean
 * reach the upper level; shared by the solo result and the workshop groups.
 */
export function cappedLevel(exact: number, weakest: LevelValue, q: Questionnaire, rules: ScoringRules) {
	const uncappedLevel = levelOf(exact, q.scoring.thresholds);
	const cap = Math.min(3, weakest + q.scoring.overall.maxLevelsAboveWeakest) as LevelValue;
	const level = Math.min(uncappedLevel, cap) as LevelValue;
	const boundary = rules.transitions ? transitionOf(exact, q.scoring.thresholds) : undefined;
	const transition = boundary && boundary[1] <= cap ? boundary : undefined;
	return { uncappedLevel, level, transition, highest: (transition ? transition[1] : level) as LevelValue };
}

/**
 * The overall result: the unweighted mean of the scored dimensions. Its level is the mean's level,
 * but at most `maxLevelsAboveWeakest` above the weakest dimension: in a staged model an
 * organisation is not strategic while one dimension is still reactive.
 */
export function scoreOverall(q: Questionnaire, dimensions: DimensionScore[]): OverallScore | undefined {
	const rules = scoringRules(q);
	const scored = dimensions.flatMap((d) => (d.score ? [{ id: d.dimensionId, exact: mean(d.levels), ...d.score }] : []));
	if (scored.length === 0) return undefined;
	const exact = mean(scored.map((d) => d.exact));
	// Ties go to the dimension listed first, so the answer is stable and follows the questionnaire.
	const weakest = scored.reduce((a, b) => (b.exact < a.exact ? b : a));
	const strongest = scored.reduce((a, b) => (b.exact > a.exact ? b : a));
	const { uncappedLevel, level, transition, highest } = cappedLevel(exact, weakest.level, q, rules);
	const provisional = provisionalOf(
		dimensions.map((d) => ({ id: d.dimensionId, scored: d.score !== undefined })),
		highest,
		rules.minScoredDimensions,
		q.scoring.overall.maxLevelsAboveWeakest
	);
	return {
		mean: round2(exact),
		index: toIndex(exact),
		level,
		uncappedLevel,
		capped: level < uncappedLevel,
		weakestDimensionId: weakest.id,
		strongestDimensionId: strongest.id,
		...(transition ? { transition } : {}),
		...(provisional ? { provisional } : {})
	};
}

/** The places a dimension can sit in the profile, low to high. */
export const PROFILE_STEPS = ['1', '1-2', '2', '2-3', '3'] as const;
export type ProfileStep = (typeof PROFILE_STEPS)[number];
export type Profile = { counts: Record<ProfileStep, number>; unscored: number };

export function profileStepOf(score: NonNullable<DimensionScore['score']>): ProfileStep {
	return score.transition ? (`${score.transition[0]}-${score.transition[1]}` as ProfileStep) : (String(score.level) as ProfileStep);
}

/** How many dimensions sit on each level (and each transition): more telling than one overall label. */
export function profileOf(dimensions: DimensionScore[]): Profile {
	const counts = Object.fromEntries(PROFILE_STEPS.map((s) => [s, 0])) as Record<ProfileStep, number>;
	let unscored = 0;
	for (const d of dimensions) {
		if (d.score) counts[profileStepOf(d.score)]++;
		else unscored++;
	}
	return { counts, unscored };
}
