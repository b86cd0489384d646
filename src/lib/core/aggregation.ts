import type { Answers } from './answers.js';
import { levelOf, mean, round2, toIndex } from './levels.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';
import { scoreDimensions } from './scoring.js';

export type GroupRole = 'leadership' | 'team' | 'other';
export type Respondent = { groupId: string; answers: Answers };

export type DimensionFigure = {
	/** People whose answers gave a score in this dimension. */
	n: number;
	mean: number;
	index: number;
	level: LevelValue;
	/**
	 * Average absolute deviation of the people's scores from the group mean (1–3 scale). Only with
	 * at least `detailMinSize` people: in a group of three, one member's own score, the mean and the
	 * spread would give away the other two scores.
	 */
	ad?: number;
	/** The group disagrees within itself: no common view to compare. Present with `ad`. */
	split?: boolean;
};
export type Overall = { mean: number; index: number; level: LevelValue };

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
	notable: boolean;
	major: boolean;
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

/**
 * Figures of one set of people; any figure needs at least `min` people behind it. Also returns
 * the unrounded means, so that gaps are not skewed by rounding each side first.
 */
function figuresOf(
	q: Questionnaire,
	people: Scored[],
	min: number,
	detailMin: number,
	counts: (person: Scored, dimensionId: string) => boolean = () => true
): ShownGroup & { exact: Map<string, number> } {
	const dimensions: Record<string, DimensionFigure> = {};
	const exact = new Map<string, number>();
	q.dimensions.forEach((d, i) => {
		const values: number[] = [];
		for (const person of people) {
			const v = person.means[i];
			if (v !== undefined && counts(person, d.id)) values.push(v);
		}
		if (values.length < min || values.length === 0) return;
		const m = mean(values);
		const ad = mean(values.map((v) => Math.abs(v - m)));
		exact.set(d.id, m);
		dimensions[d.id] = {
			n: values.length,
			mean: round2(m),
			index: toIndex(m),
			level: levelOf(m, q.scoring.thresholds),
			...(values.length >= detailMin ? { ad: round2(ad), split: ad >= q.divergence.splitAd - 1e-9 } : {})
		};
	});
	const shown = Object.values(dimensions);
	let overall: Overall | undefined;
	if (shown.length) {
		const m = mean([...exact.values()]);
		const weakest = Math.min(...shown.map((f) => f.level));
		const level = Math.min(levelOf(m, q.scoring.thresholds), weakest + q.scoring.overall.maxLevelsAboveWeakest) as LevelValue;
		overall = { mean: round2(m), index: toIndex(m), level };
	}
	return { suppressed: false, n: people.length, dimensions, ...(overall ? { overall } : {}), exact };
}

/** A person's answers with their dimension means (undefined: not enough answers), scored once. */
type Scored = { groupId: string; answers: Answers; means: (number | undefined)[] };

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
	const { notableGap, majorGap } = q.divergence;
	// Each person is scored once; groups and "everyone" then only average numbers.
	const byGroup = new Map<string, Scored[]>(groups.map((g) => [g.id, []]));
	for (const r of respondents) {
		if (Object.keys(r.answers).length === 0) continue;
		const means = scoreDimensions(q, r.answers).map((d) => (d.score ? mean(d.levels) : undefined));
		byGroup.get(r.groupId)?.push({ groupId: r.groupId, answers: r.answers, means });
	}

	const figures: Record<string, GroupFigures> = {};
	const exact = new Map<string, Map<string, number>>();
	const shownIds: string[] = [];
	const questions: Record<string, Record<string, Distribution>> = {};
	for (const g of groups) {
		const people = byGroup.get(g.id) ?? [];
		if (people.length < minGroupSize) {
			figures[g.id] = { suppressed: true, n: people.length, needed: minGroupSize - people.length };
			continue;
		}
		const { exact: means, ...group } = figuresOf(q, people, minGroupSize, detailMin);
		figures[g.id] = group;
		exact.set(g.id, means);
		shownIds.push(g.id);
		for (const [questionId, d] of Object.entries(distributions(q, people, detailMin, group.dimensions))) (questions[questionId] ??= {})[g.id] = d;
	}
	// "Everyone" counts a person in a dimension only where their group's own figure is shown:
	// otherwise everyone minus the shown groups would give away the people held back.
	const { exact: _everyoneExact, ...everyone } = figuresOf(
		q,
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
			const m = exact.get(id)?.get(d.id);
			return f && m !== undefined ? [{ id, f, m }] : [];
		});
		let gap: number | null = null;
		if (points.length >= 2) {
			// Ties keep the session's group order, so the same data always names the same groups.
			const high = points.reduce((a, b) => (b.m > a.m ? b : a));
			const low = points.reduce((a, b) => (b.m < a.m ? b : a));
			gap = round2(high.m - low.m);
			gaps.push({ dimensionId: d.id, delta: gap, notable: gap >= notableGap - 1e-9, major: gap >= majorGap - 1e-9, highGroupId: high.id, lowGroupId: low.id });
		}
		const role = (id: string) => groups.find((g) => g.id === id)?.role;
		for (const lead of points.filter((p) => role(p.id) === 'leadership'))
			for (const team of points.filter((p) => role(p.id) === 'team')) {
				const delta = round2(lead.m - team.m);
				if (Math.abs(delta) >= notableGap - 1e-9)
					pairs.push({ dimensionId: d.id, leadershipGroupId: lead.id, teamGroupId: team.id, delta, kind: delta > 0 ? 'blind-spot' : 'hidden-strength' });
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
