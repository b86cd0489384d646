import { randomUUID } from 'node:crypto';
import {
	agreementProblem,
	MAX_IDEAS_PER_PERSON,
	measureProblem,
	overBudget,
	resolveIdea,
	type Agreement,
	type Idea,
	type Measure,
	type MeasureStatus,
	type Outcome,
	type Verdict
} from '../../src/lib/core/outcome.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { AgreementSetPayload, IdeaUpdatePayload, MeasureCreatePayload, MeasureUpdatePayload } from '../../src/lib/protocol.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { MeasureFields, OutcomeRepository } from '../repositories/outcome.repository.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import { Refusal } from './refusal.js';
import { ideaRefusal, reviewVoteRefusal, voteRefusal } from './rules.js';

type Deps = { sessions: SessionRepository; outcomes: OutcomeRepository; queue: WriteQueue; questionnaireOf: (row: SessionRow) => Questionnaire };

/** What a versioned write found: applied, refused for a field, or beaten by someone else's change. */
type Written<T> = { ok: T } | { conflict: T | null } | { invalid: { field: string; message: string } } | { refused: Refusal };

function settle<T>(result: Written<T>, what: string): T {
	if ('ok' in result) return result.ok;
	if ('conflict' in result) throw new Refusal('CONFLICT', `Someone changed this ${what} first; the current version is attached.`, { current: result.conflict as Agreement | Idea | Measure | null });
	if ('invalid' in result) throw new Refusal('INVALID_PAYLOAD', `${result.invalid.field}: ${result.invalid.message}`, { field: result.invalid.field });
	throw result.refused;
}

const invalid = (field: string, message: string) => new Refusal('INVALID_PAYLOAD', `${field}: ${message}`, { field });

/**
 * The workshop's outcome: agreements, ideas, dot votes and measures. Every change goes through the
 * write queue, so its ack means it is on disk; versioned changes compare the version inside the
 * same transaction as the write, so two facilitator screens can never silently overwrite each other.
 */
export function createOutcomeService({ sessions, outcomes, queue, questionnaireOf }: Deps) {
	function checkDimension(row: SessionRow, dimensionId: string | null | undefined, field = 'dimensionId'): void {
		if (dimensionId && !questionnaireOf(row).dimensions.some((d) => d.id === dimensionId))
			throw invalid(field, `the questionnaire has no dimension "${dimensionId}"`);
	}
	const ideaOfSession = (row: SessionRow, id: string) => {
		const idea = outcomes.idea(id);
		return idea && idea.sessionId === row.id ? idea : undefined;
	};
	const strip = <T extends { sessionId: number }>({ sessionId: _s, ...rest }: T): Omit<T, 'sessionId'> => rest;

	return {
		/** Everything a facilitator screen shows; vote totals only once voting ended. */
		outcome(row: SessionRow): Outcome {
			const previous = row.followUpOf ? sessions.findById(row.followUpOf) : undefined;
			return {
				...(previous
					? {
							review: {
								previousCode: previous.code,
								previousTitle: previous.title,
								roadmapStart: previous.roadmapStart,
								measures: outcomes.measures(previous.id),
								verdicts: outcomes.verdicts(row.id)
							}
						}
					: {}),
				roadmapStart: row.roadmapStart,
				agreements: outcomes.agreements(row.id),
				ideas: outcomes.ideas(row.id, row.votingClosed),
				measures: outcomes.measures(row.id),
				voting: { closed: row.votingClosed, votesPerPerson: row.votesPerPerson, voters: outcomes.voters(row.id) },
				contributors: outcomes.contributors(row.id)
			};
		},

		/** A phone's own part: how many ideas it proposed, where its dots are, what it said at the review. */
		mine: (participantId: string) => ({
			ideasProposed: outcomes.ideasProposedBy(participantId),
			votes: outcomes.votesOf(participantId),
			verdicts: outcomes.verdictsOf(participantId)
		}),

		/** At the review of a follow-up, the facilitator sets the status of a measure of the previous roadmap. */
		async setReviewStatus(row: SessionRow, p: { measureId: string; status: MeasureStatus; version: number }): Promise<Measure> {
			const previousId = row.followUpOf;
			const result = await queue.write<Written<Measure>>({
				apply: () => {
					const before = outcomes.measure(p.measureId);
					if (!before || before.sessionId !== previousId) return { refused: new Refusal('UNKNOWN_MEASURE', 'The previous roadmap has no such measure.') };
					if (before.version !== p.version) return { conflict: strip(before) };
					const ok = outcomes.updateMeasure(p.measureId, p.version, { ...strip(before), status: p.status });
					const after = strip(outcomes.measure(p.measureId)!);
					return ok ? { ok: after } : { conflict: after };
				}
			});
			return settle(result, 'measure');
		},

		/** A phone's verdict on a finished measure of the previous roadmap: did it help? */
		async setVerdict(row: SessionRow, participantId: string, p: { measureId: string; verdict: Verdict }): Promise<{ measureId: string; verdict: Verdict }> {
			const measure = outcomes.measure(p.measureId);
			const done = measure !== undefined && measure.sessionId === row.followUpOf && measure.status === 'done';
			const refusal = reviewVoteRefusal({ status: row.status, step: row.revealStep, measureDone: done });
			if (refusal) throw new Refusal(refusal, refusal === 'STEP_CLOSED' ? 'Verdicts are given only during the review.' : refusal === 'SESSION_CLOSED' ? 'This workshop has ended.' : 'Only finished measures of the previous roadmap get a verdict.');
			await queue.write({ apply: () => outcomes.setVerdict(participantId, p.measureId, p.verdict) });
			return { measureId: p.measureId, verdict: p.verdict };
		},

		async setAgreement(row: SessionRow, p: AgreementSetPayload & { note?: string }): Promise<Agreement> {
			checkDimension(row, p.dimensionId);
			const problem = agreementProblem({ current: p.current, target: p.target });
			if (problem) throw invalid(problem.field, problem.message);
			const result = await queue.write<Written<Agreement>>({
				apply: () => {
					const before = outcomes.agreement(row.id, p.dimensionId);
					// Without a version only the first agreement of a dimension may be written.
					if (before && p.version === undefined) return { conflict: before };
					const saved = outcomes.saveAgreement(row.id, { dimensionId: p.dimensionId, current: p.current, target: p.target, note: p.note ?? before?.note ?? '' }, p.version);
					const after = outcomes.agreement(row.id, p.dimensionId);
					return saved && after ? { ok: after } : { conflict: after ?? null };
				}
			});
			return settle(result, 'agreement');
		},

		/** A phone's idea: only during the ideas step, at most MAX_IDEAS_PER_PERSON per person, never linked to its author. */
		async submitIdea(row: SessionRow, participantId: string, p: { text: string; dimensionId?: string }) {
			const refusal = ideaRefusal({ status: row.status, step: row.revealStep });
			if (refusal) throw new Refusal(refusal, refusal === 'SESSION_CLOSED' ? 'This workshop has ended.' : 'Ideas are collected only during the ideas step.');
			checkDimension(row, p.dimensionId);
			const id = randomUUID();
			const result = await queue.write<Written<number>>({
				apply: () => {
					if (outcomes.ideasProposedBy(participantId) >= MAX_IDEAS_PER_PERSON)
						return { refused: new Refusal('IDEA_LIMIT', `Each person can propose at most ${MAX_IDEAS_PER_PERSON} ideas.`) };
					outcomes.addIdea({ id, sessionId: row.id, text: p.text, dimensionId: p.dimensionId ?? null, source: 'participant' });
					outcomes.countIdeaOf(participantId);
					return { ok: outcomes.ideasProposedBy(participantId) };
				}
			});
			const proposed = settle(result, 'idea');
			return { idea: { id, text: p.text, dimensionId: p.dimensionId ?? null }, proposed };
		},

		/** The facilitator adds an idea of their own, or a suggestion from the questionnaire; at any step. */
		async createIdea(row: SessionRow, p: { text: string; dimensionId?: string | null; suggestion?: boolean }): Promise<Idea> {
			checkDimension(row, p.dimensionId);
			const id = randomUUID();
			await queue.write({ apply: () => outcomes.addIdea({ id, sessionId: row.id, text: p.text, dimensionId: p.dimensionId ?? null, source: p.suggestion ? 'suggestion' : 'facilitator' }) });
			return { ...strip(outcomes.idea(id)!), votes: null };
		},

		async updateIdea(row: SessionRow, p: IdeaUpdatePayload & { text?: string }): Promise<Idea> {
			checkDimension(row, p.dimensionId);
			const result = await queue.write<Written<Idea>>({
				apply: () => {
					const before = ideaOfSession(row, p.id);
					if (!before) return { refused: new Refusal('UNKNOWN_IDEA', `This workshop has no idea "${p.id}".`) };
					const next = { text: p.text ?? before.text, dimensionId: p.dimensionId === undefined ? before.dimensionId : p.dimensionId, hidden: p.hidden ?? before.hidden };
					const ok = outcomes.updateIdea(p.id, p.version, next);
					const after = strip(outcomes.idea(p.id)!);
					return ok ? { ok: after } : { conflict: after };
				}
			});
			return settle(result, 'idea');
		},

		/** `source` goes into `target`: it leaves the wall and its dots count for the target. */
		async mergeIdea(row: SessionRow, p: { sourceId: string; targetId: string; version?: number }): Promise<Idea> {
			const result = await queue.write<Written<Idea>>({
				apply: () => {
					const source = ideaOfSession(row, p.sourceId);
					const targetId = resolveIdea(p.targetId, (id) => ideaOfSession(row, id)?.mergedInto);
					const target = ideaOfSession(row, targetId);
					if (!source || !target) return { refused: new Refusal('UNKNOWN_IDEA', 'Both ideas must belong to this workshop.') };
					if (source.id === target.id || source.mergedInto) return { invalid: { field: 'sourceId', message: 'is already merged, or the same idea as targetId' } };
					if (p.version !== undefined && p.version !== source.version) return { conflict: strip(source) };
					if (!outcomes.mergeIdea(source.id, source.version, target.id)) return { conflict: strip(outcomes.idea(source.id)!) };
					return { ok: strip(outcomes.idea(target.id)!) };
				}
			});
			return settle(result, 'idea');
		},

		/** A phone's whole selection of dots; merged ideas count for the idea they went into. */
		async setVotes(row: SessionRow, participantId: string, ideaIds: readonly string[]) {
			const refusal = voteRefusal({ status: row.status, step: row.revealStep, votingClosed: row.votingClosed });
			if (refusal) throw new Refusal(refusal, refusal === 'SESSION_CLOSED' ? 'This workshop has ended.' : 'Votes are taken only while voting is open.');
			if (overBudget(ideaIds, row.votesPerPerson)) throw new Refusal('VOTE_BUDGET', `Each person has ${row.votesPerPerson} dots.`, { field: 'ideaIds' });
			const result = await queue.write<Written<string[]>>({
				apply: () => {
					const dots = new Map<string, number>();
					for (const asked of ideaIds) {
						const id = resolveIdea(asked, (x) => ideaOfSession(row, x)?.mergedInto);
						const idea = ideaOfSession(row, id);
						if (!idea || idea.hidden) return { refused: new Refusal('UNKNOWN_IDEA', `There is no idea "${asked}" to vote for.`, { field: 'ideaIds' }) };
						dots.set(id, (dots.get(id) ?? 0) + 1);
					}
					outcomes.setVotes(participantId, dots);
					return { ok: outcomes.votesOf(participantId) };
				}
			});
			const stored = settle(result, 'vote');
			return { ideaIds: stored, remaining: row.votesPerPerson - stored.length };
		},

		/** Ends (or reopens) voting: totals are shown once it ended. */
		closeVoting(row: SessionRow, closed: boolean): SessionRow {
			sessions.setVotingClosed(row.id, closed);
			return { ...row, votingClosed: closed };
		},

		async createMeasure(row: SessionRow, p: MeasureCreatePayload & { title: string; owner?: string; metric?: string }): Promise<Measure> {
			checkDimension(row, p.dimensionId);
			if (p.ideaId && !ideaOfSession(row, p.ideaId)) throw invalid('ideaId', `this workshop has no idea "${p.ideaId}"`);
			const fields: MeasureFields = {
				title: p.title,
				dimensionId: p.dimensionId,
				kind: p.kind,
				startMonth: p.startMonth,
				endMonth: p.endMonth,
				owner: p.owner ?? '',
				metric: p.metric ?? '',
				effort: p.effort ?? null,
				impact: p.impact ?? null,
				status: p.status ?? 'planned',
				ideaId: p.ideaId ?? null
			};
			const id = randomUUID();
			await queue.write({ apply: () => outcomes.addMeasure({ ...fields, id, sessionId: row.id }) });
			return strip(outcomes.measure(id)!);
		},

		async updateMeasure(row: SessionRow, p: MeasureUpdatePayload & { title?: string; owner?: string; metric?: string }): Promise<Measure> {
			checkDimension(row, p.dimensionId);
			if (p.ideaId && !ideaOfSession(row, p.ideaId)) throw invalid('ideaId', `this workshop has no idea "${p.ideaId}"`);
			const result = await queue.write<Written<Measure>>({
				apply: () => {
					const before = outcomes.measure(p.id);
					if (!before || before.sessionId !== row.id) return { refused: new Refusal('UNKNOWN_MEASURE', `This workshop has no measure "${p.id}".`) };
					if (before.version !== p.version) return { conflict: strip(before) };
					// Fields left out keep their value; null clears the optional ones.
					const next: MeasureFields = {
						title: p.title ?? before.title,
						dimensionId: p.dimensionId ?? before.dimensionId,
						kind: p.kind ?? before.kind,
						startMonth: p.startMonth ?? before.startMonth,
						endMonth: p.endMonth ?? before.endMonth,
						owner: p.owner ?? before.owner,
						metric: p.metric ?? before.metric,
						effort: p.effort === undefined ? before.effort : p.effort,
						impact: p.impact === undefined ? before.impact : p.impact,
						status: p.status ?? before.status,
						ideaId: p.ideaId === undefined ? before.ideaId : p.ideaId
					};
					const problem = measureProblem(next);
					if (problem) return { invalid: problem };
					const ok = outcomes.updateMeasure(p.id, p.version, next);
					const after = strip(outcomes.measure(p.id)!);
					return ok ? { ok: after } : { conflict: after };
				}
			});
			return settle(result, 'measure');
		},

		async deleteMeasure(row: SessionRow, p: { id: string; version?: number }): Promise<{ id: string }> {
			const result = await queue.write<Written<{ id: string }>>({
				apply: () => {
					const before = outcomes.measure(p.id);
					if (!before || before.sessionId !== row.id) return { refused: new Refusal('UNKNOWN_MEASURE', `This workshop has no measure "${p.id}".`) };
					if (p.version !== undefined && before.version !== p.version) return { conflict: { id: p.id } };
					outcomes.deleteMeasure(p.id);
					return { ok: { id: p.id } };
				}
			});
			if ('conflict' in result) throw new Refusal('CONFLICT', 'Someone changed this measure first.', { current: outcomes.measure(p.id) ? strip(outcomes.measure(p.id)!) : null });
			return settle(result, 'measure');
		}
	};
}
export type OutcomeService = ReturnType<typeof createOutcomeService>;
