import { aggregate } from '../../src/lib/core/aggregation.js';
import { decidePublication, isUnconfirmed, type Held, type PublicationDecision, type PublicationInput } from '../../src/lib/core/publication.js';
import { isFigureStep, type PublishedResults, type RevealStepName } from '../../src/lib/core/reveal.js';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { GroupRow, SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { AnswerCache } from './answer-cache.js';

type Deps = { sessions: SessionRepository; answers: AnswerCache; questionnaireOf: (row: SessionRow) => Questionnaire };
type GroupState = { group: GroupRow; joined: number; input: PublicationInput; decision: PublicationDecision };

/**
 * The figures of each workshop. No figure exists while answering is open. Starting the reveal
 * publishes every group that may be published (see `decidePublication`), and the figures are
 * computed once from that published copy and reused by every screen, push and API call until the
 * next publication.
 */
export function createResultsService({ sessions, answers, questionnaireOf }: Deps) {
	const computed = new Map<number, PublishedResults>();

	function groupStates(row: SessionRow): GroupState[] {
		const tally = answers.tally(row.id);
		return sessions.groups(row.id).map((group) => {
			const t = tally.get(group.groupId) ?? { joined: 0, shown: 0, changed: 0 };
			const unconfirmed = isUnconfirmed({ joined: t.joined, expected: group.expected, confirmedJoined: group.confirmedJoined });
			const input = { shownPeople: t.shown, changedPeople: t.changed, minGroupSize: row.minGroupSize, unconfirmed };
			return { group, joined: t.joined, input, decision: decidePublication(input) };
		});
	}

	function compute(row: SessionRow): PublishedResults {
		const states = groupStates(row);
		const held: Record<string, Held> = {};
		for (const s of states) if (s.decision.held) held[s.group.groupId] = s.decision.held;
		const figures = aggregate({
			questionnaire: questionnaireOf(row),
			groups: states.map((s) => ({ id: s.group.groupId, role: s.group.role })),
			respondents: answers.published(row.id),
			minGroupSize: row.minGroupSize,
			detailMinSize: row.detailMinSize
		});
		return { ...figures, held };
	}

	return {
		/** The figures of a revealed workshop, computed once per publication; undefined while answering is open. */
		current(row: SessionRow): PublishedResults | undefined {
			// After a client's retention deleted the raw answers, the figures kept at that moment stand.
			if (row.answersPurgedAt) {
				const kept = sessions.keptFigures(row.id);
				return kept ? (JSON.parse(kept) as PublishedResults) : undefined;
			}
			if (!isFigureStep(row.revealStep)) return undefined;
			let results = computed.get(row.id);
			if (!results) computed.set(row.id, (results = compute(row)));
			return results;
		},

		/**
		 * Moves the reveal. Leaving `hidden` ends answering and publishes every group that may be
		 * published; going back to `hidden` reopens answering and hides every figure again.
		 * Call with every acked answer committed. Returns the session as it is now.
		 */
		reveal(row: SessionRow, step: RevealStepName, dimensionId: string | null): SessionRow {
			const starting = !isFigureStep(row.revealStep) && isFigureStep(step);
			const hiding = isFigureStep(row.revealStep) && !isFigureStep(step);
			const publish = starting ? groupStates(row).filter((s) => s.decision.publish).map((s) => s.group.groupId) : [];
			sessions.setReveal(row.id, step, dimensionId, publish);
			answers.markPublished(row.id, publish);
			if (starting || hiding) computed.delete(row.id);
			return { ...row, revealStep: step, revealDimension: dimensionId };
		},

		/**
		 * The facilitator accepts the group's current headcount. While the results are shown, a
		 * group held only for being over-full is published at once if its changes may be.
		 * Returns the accepted headcount and whether the figures changed.
		 */
		confirm(row: SessionRow, groupId: string): { confirmedJoined: number; republished: boolean } {
			const state = groupStates(row).find((s) => s.group.groupId === groupId);
			const joined = state?.joined ?? 0;
			const publish =
				isFigureStep(row.revealStep) && state?.decision.held?.reason === 'unconfirmed' && decidePublication({ ...state.input, unconfirmed: false }).publish;
			sessions.confirmGroup(row.id, groupId, joined, publish);
			if (publish) answers.markPublished(row.id, [groupId]);
			// Held counts may change too (an unconfirmed group now holds for few changes), so recompute.
			computed.delete(row.id);
			return { confirmedJoined: joined, republished: publish };
		},

		/** Forgets a session's figures (it ended, or memory is needed); they are computed again on demand. */
		evict(sessionId: number): void {
			computed.delete(sessionId);
		}
	};
}
export type ResultsService = ReturnType<typeof createResultsService>;
