import type { LevelValue } from './questionnaire.schema.js';

/**
 * The outcome of a workshop: the levels the room agreed on, the ideas everyone proposed, the dot
 * vote on them, and the measures of the 12-month roadmap. Pure types and rules, shared by the
 * server (which enforces them) and the browser (which shows the same refusals before sending).
 */

export const MEASURE_KINDS = ['quick-win', 'project'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];
export const SIZES = ['S', 'M', 'L'] as const;
export type Size = (typeof SIZES)[number];
export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'dropped'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const IDEA_SOURCES = ['participant', 'facilitator', 'suggestion'] as const;
export type IdeaSource = (typeof IDEA_SOURCES)[number];

/** A quick win gives the team a tailwind within the first quarter: it ends by month 3. */
export const QUICK_WIN_LAST_MONTH = 3;
export const ROADMAP_MONTHS = 12;
export const MAX_IDEAS_PER_PERSON = 10;
export const LIMITS = { ideaText: 200, note: 280, title: 120, owner: 120, metric: 280 } as const;

export type Agreement = {
	dimensionId: string;
	/** The level the room agrees the service is at today; null: left open. */
	current: LevelValue | null;
	/** Where it should be in 12 months; never below `current`. */
	target: LevelValue | null;
	/** One key statement, e.g. what the disagreement was really about. */
	note: string;
	version: number;
};

export type Idea = {
	id: string;
	text: string;
	dimensionId: string | null;
	hidden: boolean;
	/** Set when the facilitator merged this idea into another: its votes count there. */
	mergedInto: string | null;
	source: IdeaSource;
	version: number;
	/** Dots on the idea (merged ones included); null until voting has ended. */
	votes: number | null;
};

export type Measure = {
	id: string;
	title: string;
	dimensionId: string;
	kind: MeasureKind;
	/** Months of the roadmap, 1–12, counted from `roadmapStart`. */
	startMonth: number;
	endMonth: number;
	owner: string;
	metric: string;
	effort: Size | null;
	impact: Size | null;
	status: MeasureStatus;
	ideaId: string | null;
	version: number;
};

export type Voting = {
	/** Voting ended: totals are shown and ideas ranked; phones can no longer vote. */
	closed: boolean;
	votesPerPerson: number;
	/** People who have put at least one dot. */
	voters: number;
};

export const VERDICTS = ['yes', 'partly', 'no'] as const;
export type Verdict = (typeof VERDICTS)[number];
export type VerdictCounts = Record<Verdict, number>;

/**
 * A follow-up's look back at the previous roadmap: its measures with their status (set by the
 * facilitator), and for the done ones how many people said it helped, partly, or not.
 */
export type Review = {
	previousCode: string;
	previousTitle: string;
	roadmapStart: string;
	measures: Measure[];
	verdicts: Record<string, VerdictCounts>;
};

export type Outcome = {
	/** The roadmap's first month, `YYYY-MM`: the month after the workshop. */
	roadmapStart: string;
	agreements: Agreement[];
	ideas: Idea[];
	measures: Measure[];
	voting: Voting;
	/** People who proposed at least one idea (never who proposed which). */
	contributors: number;
	/** In a follow-up workshop: the previous roadmap to look back on. */
	review?: Review;
};

export type FieldProblem = { field: string; message: string };

/** The months of a measure must lie in the roadmap, in order; a quick win ends by month 3. */
export function measureProblem(m: { kind: MeasureKind; startMonth: number; endMonth: number }): FieldProblem | undefined {
	for (const field of ['startMonth', 'endMonth'] as const)
		if (!Number.isInteger(m[field]) || m[field] < 1 || m[field] > ROADMAP_MONTHS) return { field, message: `must be a month from 1 to ${ROADMAP_MONTHS}` };
	if (m.endMonth < m.startMonth) return { field: 'endMonth', message: 'must not be before startMonth' };
	if (m.kind === 'quick-win' && m.endMonth > QUICK_WIN_LAST_MONTH)
		return { field: 'endMonth', message: `a quick win ends by month ${QUICK_WIN_LAST_MONTH}; make it a project or end it earlier` };
	return undefined;
}

/** The target is where the service should get to: it is never below where it is today. */
export function agreementProblem(a: { current: LevelValue | null; target: LevelValue | null }): FieldProblem | undefined {
	if (a.current !== null && a.target !== null && a.target < a.current) return { field: 'target', message: 'must not be below current' };
	return undefined;
}

/** A person's whole selection of dots: repeats allowed, at most the budget. */
export const overBudget = (ideaIds: readonly string[], votesPerPerson: number): boolean => ideaIds.length > votesPerPerson;

/** Ideas by dots, most first; ties keep the order they were proposed in. */
export function rankIdeas<T extends { votes: number | null }>(ideas: readonly T[]): T[] {
	return ideas
		.map((idea, i) => ({ idea, i }))
		.sort((a, b) => (b.idea.votes ?? 0) - (a.idea.votes ?? 0) || a.i - b.i)
		.map((x) => x.idea);
}

/** Follows merges to the idea that now stands for `id` (merges never form a cycle, but a bound keeps it safe). */
export function resolveIdea(id: string, mergedInto: (id: string) => string | null | undefined): string {
	let current = id;
	for (let hops = 0; hops < 50; hops++) {
		const next = mergedInto(current);
		if (!next) return current;
		current = next;
	}
	return current;
}

/** What phones may see of the outcome: the parts the room has reached, never who wrote or voted what. */
export type VisibleOutcome = {
	roadmapStart: string;
	agreements: Omit<Agreement, 'version'>[];
	/** From the ideas step on: the ideas on the wall (hidden and merged ones left out). */
	ideas?: { id: string; text: string; dimensionId: string | null; votes: number | null }[];
	/** Where merged ideas went, so a phone's dots on a merged idea show on the idea that took it over. */
	merged?: Record<string, string>;
	voting?: Voting;
	/** From the roadmap step on. */
	measures?: Omit<Measure, 'version'>[];
	/** During the review of a follow-up. */
	review?: Review;
};

/**
 * Cuts the outcome down to what the room has reached: agreements from `agree` on, the idea wall
 * from `ideas`, the vote from `vote`, the measures from `roadmap`. Nothing before `agree`.
 */
export function visibleOutcome(
	outcome: Outcome,
	reached: { review?: boolean; agree: boolean; ideas: boolean; vote: boolean; roadmap: boolean }
): VisibleOutcome | undefined {
	const review = reached.review ? outcome.review : undefined;
	if (!reached.agree && !review) return undefined;
	const view: VisibleOutcome = {
		roadmapStart: outcome.roadmapStart,
		agreements: reached.agree ? outcome.agreements.map(({ version: _v, ...a }) => a) : [],
		...(review ? { review } : {})
	};
	if (reached.ideas) {
		view.ideas = outcome.ideas.filter((i) => !i.hidden && !i.mergedInto).map(({ id, text, dimensionId, votes }) => ({ id, text, dimensionId, votes }));
		const byId = new Map(outcome.ideas.map((i) => [i.id, i.mergedInto]));
		view.merged = Object.fromEntries(outcome.ideas.filter((i) => i.mergedInto).map((i) => [i.id, resolveIdea(i.id, (id) => byId.get(id))]));
	}
	if (reached.vote) view.voting = outcome.voting;
	if (reached.roadmap) view.measures = outcome.measures.map(({ version: _v, ...m }) => m);
	return view;
}
