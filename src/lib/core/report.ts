import type { GroupRole, Gap } from './aggregation.js';
import { rankIdeas, type VisibleOutcome } from './outcome.js';
import type { Locale, Questionnaire } from './questionnaire.schema.js';
import { visibleAt, type PublishedResults, type VisibleAggregate } from './reveal.js';

/**
 * The data of every export (report, Excel, CSV, PowerPoint, roadmap CSV, iCalendar): exactly what
 * the room could see with every step revealed. Exporters only format it; none of them reads the
 * published aggregate or the database itself, so no export can show more than the projector did.
 */
export type ReportGroup = { id: string; label: string; role: GroupRole };

export type ReportOutcome = {
	roadmapStart: string;
	agreements: NonNullable<VisibleOutcome['agreements']>;
	/** The idea wall (hidden and merged ideas left out); `votes` null while voting has not ended. */
	ideas: NonNullable<VisibleOutcome['ideas']>;
	voting: NonNullable<VisibleOutcome['voting']>;
	measures: NonNullable<VisibleOutcome['measures']>;
};

export type ReportData = {
	code: string;
	title: string;
	organisation: string | null;
	/** The workshop's language: every export is written in it. */
	language: Locale;
	questionnaire: { id: string; version: string };
	/** The day of the workshop (`YYYY-MM-DD`, UTC): the day of its last answer, else the day it was created. */
	workshopDate: string;
	/** When the export was made (ISO 8601, UTC). */
	exportedAt: string;
	minGroupSize: number;
	detailMinSize: number;
	/** The session's groups in order, labels in the workshop's language. */
	groups: ReportGroup[];
	/** Absent before the reveal: no figure exists while answering is open. */
	results?: VisibleAggregate;
	outcome: ReportOutcome;
};

/**
 * What the room has seen once every step was shown: the agenda step (which keeps all earlier
 * steps' parts) plus the question distributions of every dimension's deep dive. Built from
 * `visibleAt`, the same cut the phones get, so the exports follow every rule the screens follow.
 */
export function completeView(published: PublishedResults, q: Questionnaire): VisibleAggregate {
	const view = visibleAt(published, { step: 'agenda' }, q)!;
	const questions: NonNullable<VisibleAggregate['questions']> = {};
	for (const d of q.dimensions) Object.assign(questions, visibleAt(published, { step: 'deep-dive', dimensionId: d.id }, q)?.questions ?? {});
	return { ...view, questions };
}

/** The outcome with every outcome step reached: agreements, the wall, the vote, the measures. */
export function completeOutcome(visible: VisibleOutcome): ReportOutcome {
	return {
		roadmapStart: visible.roadmapStart,
		agreements: visible.agreements,
		ideas: visible.ideas ?? [],
		voting: visible.voting ?? { closed: false, votesPerPerson: 0, voters: 0 },
		measures: visible.measures ?? []
	};
}

/** The largest gaps between groups, largest first (ties in questionnaire order). */
export function biggestGaps(results: VisibleAggregate | undefined, count: number): Gap[] {
	return [...(results?.gaps ?? [])].sort((a, b) => b.delta - a.delta).slice(0, count);
}

/** Ideas by dots, most first; while voting runs (votes null) in the order they came in. */
export const rankedIdeas = (outcome: ReportOutcome) => rankIdeas(outcome.ideas);

/** Measures that are still meant to happen (a dropped measure stays in tables, not in task tools or calendars). */
export const activeMeasures = (outcome: ReportOutcome) => outcome.measures.filter((m) => m.status !== 'dropped');

/** Measures in roadmap order: by first month, then last month, then title. */
export function measuresInOrder<T extends { startMonth: number; endMonth: number; title: string }>(measures: readonly T[]): T[] {
	return [...measures].sort((a, b) => a.startMonth - b.startMonth || a.endMonth - b.endMonth || a.title.localeCompare(b.title));
}

/** People who answered, in every group, shown or not (a suppressed group's n may be named). */
export const totalPeople = (results: VisibleAggregate | undefined): number =>
	Object.values(results?.groups ?? {}).reduce((sum, g) => sum + g.n, 0);

/**
 * Groups shown with figures but too small for their spread and distributions in at least one
 * dimension: the report's appendix names them, so an empty chart is never read as "nobody answered".
 */
export function groupsWithoutDetails(results: VisibleAggregate | undefined): string[] {
	if (!results) return [];
	return Object.entries(results.groups)
		.filter(([, g]) => !g.suppressed && Object.values(g.dimensions ?? {}).some((f) => f.ad === undefined))
		.map(([id]) => id);
}
