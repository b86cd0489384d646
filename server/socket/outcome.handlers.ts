import {
	agreementSetPayload,
	ideaCreatePayload,
	ideaMergePayload,
	ideaSubmitPayload,
	ideaUpdatePayload,
	measureCreatePayload,
	measureDeletePayload,
	measureUpdatePayload,
	reviewStatusPayload,
	reviewVotePayload,
	voteClosePayload,
	voteSetPayload
} from '../../src/lib/protocol.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import { on } from './handler.js';
import type { AppSocket } from './io.js';
import { controlledSession, participantSession } from './whoami.js';

type Deps = {
	outcome: OutcomeService;
	sessions: SessionRepository;
	/** Coalesced signals: every facilitator screen, or every phone, should get the new state. */
	changed: { facilitators: (sessionId: number) => void; phones: (sessionId: number) => void };
};

/**
 * The outcome events: agreements, ideas, votes, measures. Validate → persist (acked after commit)
 * → let the screens know. Phones propose ideas and vote; everything else is the facilitator's.
 */
export function createOutcomeHandlers({ outcome, sessions, changed }: Deps) {
	return {
		register(socket: AppSocket) {
			const facilitator = () => controlledSession(socket, sessions);
			/** After a facilitator's change: their screens, and the phones (which show agreements, the wall and the roadmap). */
			const everyone = (sessionId: number) => {
				changed.facilitators(sessionId);
				changed.phones(sessionId);
			};

			on(socket, 'agreement:set', agreementSetPayload, async (p) => {
				const row = facilitator();
				const agreement = await outcome.setAgreement(row, p);
				everyone(row.id);
				return { agreement };
			});

			on(socket, 'idea:create', ideaCreatePayload, async (p) => {
				const row = facilitator();
				const idea = await outcome.createIdea(row, p);
				everyone(row.id);
				return { idea };
			});

			on(socket, 'idea:update', ideaUpdatePayload, async (p) => {
				const row = facilitator();
				const idea = await outcome.updateIdea(row, p);
				everyone(row.id);
				return { idea };
			});

			on(socket, 'idea:merge', ideaMergePayload, async (p) => {
				const row = facilitator();
				const idea = await outcome.mergeIdea(row, p);
				everyone(row.id);
				return { idea };
			});

			on(socket, 'vote:close', voteClosePayload, ({ closed }) => {
				const row = outcome.closeVoting(facilitator(), closed);
				everyone(row.id);
				return { code: row.code, voting: outcome.outcome(row).voting };
			});

			on(socket, 'measure:create', measureCreatePayload, async (p) => {
				const row = facilitator();
				const measure = await outcome.createMeasure(row, p);
				everyone(row.id);
				return { measure };
			});

			on(socket, 'measure:update', measureUpdatePayload, async (p) => {
				const row = facilitator();
				const measure = await outcome.updateMeasure(row, p);
				everyone(row.id);
				return { measure };
			});

			on(socket, 'measure:delete', measureDeletePayload, async (p) => {
				const row = facilitator();
				const result = await outcome.deleteMeasure(row, p);
				everyone(row.id);
				return result;
			});

			on(socket, 'review:status', reviewStatusPayload, async (p) => {
				const row = facilitator();
				const measure = await outcome.setReviewStatus(row, p);
				everyone(row.id);
				return { measure };
			});

			// A verdict changes the counts the review shows, on the projector and the phones.
			on(socket, 'review:vote', reviewVotePayload, async (p) => {
				const { row, participantId } = participantSession(socket, sessions);
				const result = await outcome.setVerdict(row, participantId, p);
				everyone(row.id);
				return result;
			});

			// Phones: an idea goes to the wall on the projector; the phones' own view does not change.
			on(socket, 'idea:submit', ideaSubmitPayload, async (p) => {
				const { row, participantId } = participantSession(socket, sessions);
				const result = await outcome.submitIdea(row, participantId, p);
				changed.facilitators(row.id);
				return result;
			});

			// Totals stay hidden while voting runs, so a vote changes only the voter count on the projector.
			on(socket, 'vote:set', voteSetPayload, async ({ ideaIds }) => {
				const { row, participantId } = participantSession(socket, sessions);
				const result = await outcome.setVotes(row, participantId, ideaIds);
				changed.facilitators(row.id);
				return result;
			});
		}
	};
}
