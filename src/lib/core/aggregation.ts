import type { Answers } from './answers.js';
import { levelOf, mean, round2, toIndex } from './levels.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';
import { cappedLevel, provisionalOf, questionIndex, scoreDimensions, scoringRules, transitionOf, type Provisional, type ScoringRules, type Transition } from './scoring.js';
import { gapSignificance, itemSpread, sampleVariance, type GroupSample } from './statistics.js';

export type GroupRole = 'leadership' | 'team' | 'other';
export type Respondent = { groupId: string; answers: Answers };

export type DimensionFigure = {
	/** People whose answers gave a score in this dimension. */
	n: number;
	mean: number;
	index: number;
	level: LevelValue;
	/** The mean sits exactly on a level boundary (format 2 only). */
	transition?: Transition;
	/**
	 * Share of "don't know" among the answers this group gave to the dimension's questions (0–1),
	 * counting every member, also those with too few answers for a score: a count, like `n`, so
	 * shown at the normal minimum group size. A high share on one side of a gap makes it read as
	 * an information gap rather than a difference of view.
	 */
	dontKnowShare: number;
	/**
	 * How far the group's answers lie apart (1–3 scale). 1.x: the average absolute deviation of the
	 * people's dimension scores from the group mean. Format 2: AD_M(J), the per-question average
	 * absolute deviation of the chosen levels around that question's mean, averaged over the
	 * dimension's questions (Burke & Dunlap 2002). Only with at least `detailMinSize` people: in a
	 * group of three, one member's own score, the mean and the spread would give away the other two.
	 */
	ad?: number;
	/** The group disagrees within itself (`ad ≥ divergence.splitAd`): no common view to compare. Present with `ad`. */
	split?: boolean;
};
export type Overall = { mean: number; index: number; level: LevelValue; transition?: Transition; provisional?: Provisional };

export type ShownGroup = {
	suppressed: false;
	n: number;
	/** Absent where fewer than the minimum group size gave a score in that dimension. */
	dimensions: Record<string, DimensionFigure>;
	overall?: Overall;
};
/** Below the session's minimum: no figure of any kind, only how many more answers are needed. */
export type SuppressedGroup = { suppressed: true; n: number; needed: number };
export type GroupFigures = ShownGroup | SuppressedGroup;

export type Gap = {
	dimensionId: string;
	delta: number;
	/** At least `notableGap`, and (format 2) backed by enough people or beyond twice its standard error. */
	notable: boolean;
	/** At least `majorGap`, under the same condition as `notable`. */
	major: boolean;
	/**
	 * Format 2: as large as a notable gap, but the groups are too small to tell it from chance
	 * ("Hinweis – kleine Gruppe"). Always false for 1.x.
	 */
	hint: boolean;
	/** One of the two groups is split on the dimension, so its mean is no shared view: show the gap muted. */
	muted: boolean;
	highGroupId: string;
	lowGroupId: string;
};
/** Leadership above the team is a possible blind spot; below it a hidden strength. */
export type PairGap = {
	dimensionId: string;
	leadershipGroupId: string;
	teamGroupId: string;
	delta: number;
	kind: 'blind-spot' | 'hidden-strength';
	/** As for a gap: large enough, but the groups are too small to tell it from chance (format 2). */
	hint: boolean;
};
/**
 * A dimension on the discussion agenda. `gap` is null when fewer than two groups have a figure
 * there (no data is not "no gap"), `spread` when no group is large enough to show its spread.
 */
export type AgendaItem = { dimensionId: string; gap: number | null; spread: number | null; mean?: number };
export type Distribution = { n: number; dontKnow: number; options: Record<string, number> };

export type Aggregate = {
	minGroupSize: number;
	/** People a group needs before its spread and per-question distributions are shown. */
	detailMinSize: number;
	groups: Record<string, GroupFigures>;
	/** The same figures over every shown group's people together (suppressed groups left out). */
	everyone: ShownGroup;
	gaps: Gap[];
	pairs: PairGap[];
	agenda: AgendaItem[];
	/** Per question and shown group: how many chose each option. */
	questions: Record<string, Record<string, Distribution>>;
};

type Input = {
	questionnaire: Questionnaire;
	groups: { id: string; role: GroupRole }[];
	respondents: Iterable<Respondent>;
	minGroupSize: number;
	/** Spread and distributions need at least this many people (never fewer than `minGroupSize`). */
	detailMinSize: number;
};

/** The exact figures behind a shown dimension, for gaps: the mean and the spread of the people's scores. */
type Exact = GroupSample;

/**
 * Figures of one set of people; any figure needs at least `min` people behind it. Also returns
 * the unrounded means and variances, so that gaps are not skewed by rounding each side first.
 */
function figuresOf(
	q: Questionnaire,
	rules: ScoringRules,
	people: Scored[],
	min: number,
	detailMin: number,
	counts: (person: Scored, dimensionId: string) => boolean = () => true
): ShownGroup & { exact: Map<string, Exact> } {
	const dimensions: Record<string, DimensionFigure> = {};
	const exact = new Map<string, Exact>();
	const index = questionIndex(q);
	q.dimensions.forEach((d, i) => {
		const scored: Scored[] = [];
		let dontKnow = 0;
		let given = 0;
		for (const person of people) {
			if (!counts(person, d.id)) continue;
			if (person.means[i] !== undefined) scored.push(person);
			dontKnow += person.dontKnow[i]!;
			given += person.given[i]!;
		}
		const values = scored.map((p) => p.means[i]!);
		if (values.length < min || values.length === 0) return;
		const m = mean(values);
		exact.set(d.id, { mean: m, n: values.length, variance: sampleVariance(values) });
		const transition = rules.transitions ? transitionOf(m, q.scoring.thresholds) : undefined;
		const figure: DimensionFigure = {
			n: values.length,
			mean: round2(m),
			index: toIndex(m),
			level: levelOf(m, q.scoring.thresholds),
			...(transition ? { transition } : {}),
			dontKnowShare: given === 0 ? 0 : round2(dontKnow / given)
		};
		if (values.length >= detailMin) {
			const ad = rules.itemSpread
				? itemSpread(index.dimensions[i]!.questions.map((question) => scored.flatMap((p) => p.levels.get(question.id) ?? [])))
				: mean(values.map((v) => Math.abs(v - m)));
			if (ad !== undefined) Object.assign(figure, { ad: round2(ad), split: ad >= q.divergence.splitAd - 1e-9 });
		}
		dimensions[d.id] = figure;
	});
	const shown = Object.values(dimensions);
	let overall: Overall | undefined;
	if (shown.length) {
		const m = mean([...exact.values()].map((e) => e.mean));
		const weakest = Math.min(...shown.map((f) => f.level)) as LevelValue;
		const { level, transition, highest } = cappedLevel(m, weakest, q, rules);
		const provisional = provisionalOf(
			q.dimensions.map((d) => ({ id: d.id, scored: d.id in dimensions })),
			highest,
			rules.minScoredDimensions,
			q.scoring.overall.maxLevelsAboveWeakest
		);
		overall = { mean: round2(m), index: toIndex(m), level, ...(transition ? { transition } : {}), ...(provisional ? { provisional } : {}) };
	}
	return { suppressed: false, n: people.length, dimensions, ...(overall ? { overall } : {}), exact };
}

/**
 * A person's answers, scored once: per dimension (in questionnaire order) the mean (undefined: not
 * enough answers), the "don't know" answers and all answers given; the level of each answered question.
 */
type Scored = {
	groupId: string;
	answers: Answers;
	means: (number | undefined)[];
	dontKnow: number[];
	given: number[];
	levels: Map<string, LevelValue>;
};

function scorePerson(q: Questionnaire, groupId: string, answers: Answers): Scored {
	const dimensions = scoreDimensions(q, answers);
	const levels = new Map<string, LevelValue>();
	for (const d of questionIndex(q).dimensions)
		for (const question of d.questions) {
			const answer = answers[question.id];
			const level = typeof answer === 'string' ? question.levels.get(answer) : undefined;
			if (level) levels.set(question.id, level);
		}
	return {
		groupId,
		answers,
		means: dimensions.map((d) => (d.score ? mean(d.levels) : undefined)),
		dontKnow: dimensions.map((d) => d.dontKnow),
		given: dimensions.map((d) => d.dontKnow + d.answered),
		levels
	};
}

/**
 * Per question, how many chose each option. Only for dimensions whose group figure is shown with
 * its details: a question's bars must not reveal what the dimension's withheld figure hides, and
 * in a small group they would let one member work out what the others chose.
 */
function distributions(q: Questionnaire, people: Scored[], min: number, shown: Record<string, DimensionFigure>): Record<string, Distribution> {
	const out: Record<string, Distribution> = {};
	for (const question of q.questions) {
		if (shown[question.dimension]?.ad === undefined) continue;
		const given: (string | null)[] = [];
		for (const p of people) {
			const a = p.answers[question.id];
			if (a !== undefined) given.push(a);
		}
		if (given.length < min || given.length === 0) continue;
		const options = Object.fromEntries(question.options.map((o) => [o.id, 0]));
		let dontKnow = 0;
		for (const a of given) {
			if (a === null) dontKnow++;
			else if (a in options) options[a]!++;
		}
		out[question.id] = { n: given.length, dontKnow, options };
	}
	return out;
}

/**
 * Aggregates a workshop's answers by group. Groups with fewer people than `minGroupSize` are
 * suppressed entirely and left out of "everyone", so no figure lets anyone work them out by
 * subtraction. Thresholds come from the questionnaire's `divergence` section.
 */
export function aggregate({ questionnaire: q, groups, respondents, minGroupSize, detailMinSize }: Input): Aggregate {
	const detailMin = Math.max(detailMinSize, minGroupSize);
	const rules = scoringRules(q);
	const { notableGap, majorGap } = q.divergence;
	// Each person is scored once; groups and "everyone" then only average numbers.
	const byGroup = new Map<string, Scored[]>(groups.map((g) => [g.id, []]));
	for (const r of respondents) {
		if (Object.keys(r.answers).length === 0) continue;
		byGroup.get(r.groupId)?.push(scorePerson(q, r.groupId, r.answers));
	}

	const figures: Record<string, GroupFigures> = {};
	const exact = new Map<string, Map<string, Exact>>();
	const shownIds: string[] = [];
	const questions: Record<string, Record<string, Distribution>> = {};
	for (const g of groups) {
		const people = byGroup.get(g.id) ?? [];
		if (people.length < minGroupSize) {
			figures[g.id] = { suppressed: true, n: people.length, needed: minGroupSize - people.length };
			continue;
		}
		const { exact: means, ...group } = figuresOf(q, rules, people, minGroupSize, detailMin);
		figures[g.id] = group;
		exact.set(g.id, means);
		shownIds.push(g.id);
		for (const [questionId, d] of Object.entries(distributions(q, people, detailMin, group.dimensions))) (questions[questionId] ??= {})[g.id] = d;
	}
	// "Everyone" counts a person in a dimension only where their group's own figure is shown:
	// otherwise everyone minus the shown groups would give away the people held back.
	const { exact: _everyoneExact, ...everyone } = figuresOf(
		q,
		rules,
		shownIds.flatMap((id) => byGroup.get(id) ?? []),
		minGroupSize,
		detailMin,
		(person, dimensionId) => (figures[person.groupId] as ShownGroup).dimensions[dimensionId] !== undefined
	);
	const shown = (id: string) => figures[id] as ShownGroup;

	const gaps: Gap[] = [];
	const pairs: PairGap[] = [];
	const agenda: AgendaItem[] = [];
	for (const d of q.dimensions) {
		const points = shownIds.flatMap((id) => {
			const f = shown(id).dimensions[d.id];
			const e = exact.get(id)?.get(d.id);
			return f && e !== undefined ? [{ id, f, m: e.mean, e }] : [];
		});
		// 1.x: the size of a gap decides; format 2 also asks whether the groups could tell it from chance.
		const judge = (a: Exact, b: Exact, delta: number) => {
			const real = !rules.smallGroupGaps || gapSignificance(a, b) !== 'small-groups';
			const size = delta >= notableGap - 1e-9;
			return { notable: size && real, major: delta >= majorGap - 1e-9 && real, hint: size && !real };
		};
		let gap: number | null = null;
		if (points.length >= 2) {
			// Ties keep the session's group order, so the same data always names the same groups.
			const high = points.reduce((a, b) => (b.m > a.m ? b : a));
			const low = points.reduce((a, b) => (b.m < a.m ? b : a));
			gap = round2(high.m - low.m);
			gaps.push({
				dimensionId: d.id,
				delta: gap,
				...judge(high.e, low.e, gap),
				muted: high.f.split === true || low.f.split === true,
				highGroupId: high.id,
				lowGroupId: low.id
			});
		}
		const role = (id: string) => groups.find((g) => g.id === id)?.role;
		for (const lead of points.filter((p) => role(p.id) === 'leadership'))
			for (const team of points.filter((p) => role(p.id) === 'team')) {
				const delta = round2(lead.m - team.m);
				if (Math.abs(delta) >= notableGap - 1e-9)
					pairs.push({
						dimensionId: d.id,
						leadershipGroupId: lead.id,
						teamGroupId: team.id,
						delta,
						kind: delta > 0 ? 'blind-spot' : 'hidden-strength',
						hint: judge(lead.e, team.e, Math.abs(delta)).hint
					});
			}
		const spreads = points.flatMap((p) => (p.f.ad === undefined ? [] : [p.f.ad]));
		const spread = spreads.length ? Math.max(...spreads) : null;
		const everyoneMean = everyone.dimensions[d.id]?.mean;
		agenda.push({ dimensionId: d.id, gap, spread, ...(everyoneMean !== undefined ? { mean: everyoneMean } : {}) });
	}
	const order = new Map(q.dimensions.map((d, i) => [d.id, i]));
	// Dimensions without a gap (too few groups with data) go last: missing data is not agreement.
	agenda.sort(
		(a, b) =>
			(b.gap ?? -1) - (a.gap ?? -1) ||
			(b.spread ?? -1) - (a.spread ?? -1) ||
			(a.mean ?? Infinity) - (b.mean ?? Infinity) ||
			(order.get(a.dimensionId) ?? 0) - (order.get(b.dimensionId) ?? 0)
	);

	return { minGroupSize, detailMinSize: detailMin, groups: figures, everyone, gaps, pairs, agenda, questions };
}
