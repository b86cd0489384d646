import { visibleOutcome } from '../../src/lib/core/outcome.js';
import { stepRank, visibleAt } from '../../src/lib/core/reveal.js';
import type { FacilitatorState, ParticipantResults } from '../../src/lib/protocol.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { ResultsService } from '../sessions/results.service.js';
import type { SessionService } from '../sessions/session.service.js';
import type { AppSocket } from './io.js';
import type { Rooms } from './rooms.js';

type Deps = {
	rooms: Rooms;
	service: SessionService;
	results: ResultsService;
	outcome: OutcomeService;
	presence: PresenceTracker;
	sessions: SessionRepository;
};

/**
 * What each screen of a workshop gets to know, and the pushes that tell it. Facilitators get the
 * whole published aggregate; phones only the parts the room has been shown so far.
 */
export function createPushes({ rooms, service, results, outcome, presence, sessions }: Deps) {
	function participantView(row: SessionRow): ParticipantResults {
		const reveal = service.reveal(row);
		const current = results.current(row);
		const visible = current ? visibleAt(current, reveal, service.questionnaireOf(row)) : undefined;
		const rank = stepRank(row.revealStep);
		const reached = { review: row.revealStep === 'review', agree: rank >= stepRank('agree'), ideas: rank >= stepRank('ideas'), vote: rank >= stepRank('vote'), roadmap: rank >= stepRank('roadmap') };
		const outcomeView = reached.agree || reached.review ? visibleOutcome(outcome.outcome(row), reached) : undefined;
		return { code: row.code, reveal, ...(visible ? { results: visible } : {}), ...(outcomeView ? { outcome: outcomeView } : {}) };
	}

	return {
		participantView,

		facilitatorState(row: SessionRow): FacilitatorState {
			const current = results.current(row);
			return {
				session: service.info(row),
				groups: sessions.groups(row.id).map((g) => ({ id: g.groupId, role: g.role })),
				presence: service.presence(row, presence.connected(row.id)),
				reveal: service.reveal(row),
				...(current ? { results: current } : {}),
				outcome: outcome.outcome(row)
			};
		},

		/** The outcome changed: every facilitator screen gets all of it (called coalesced). */
		outcome(sessionId: number): void {
			const row = sessions.findById(sessionId);
			if (row) rooms.facilitators(sessionId).emit('outcome:changed', { code: row.code, outcome: outcome.outcome(row) });
		},

		/** Something phones can see changed: they get the current view (called coalesced). */
		phones(sessionId: number): void {
			const row = sessions.findById(sessionId);
			if (row) rooms.participants(sessionId).emit('session:reveal', participantView(row));
		},

		/** Counts per group to the facilitators (called at most a few times a second per workshop). */
		presence(sessionId: number): void {
			const row = sessions.findById(sessionId);
			if (row) rooms.facilitators(sessionId).emit('session:presence', service.presence(row, presence.connected(sessionId)));
		},

		/** The figures changed (published, reopened, a group released): every screen follows. */
		results(row: SessionRow): void {
			const current = results.current(row);
			rooms.facilitators(row.id).emit('session:results', { code: row.code, ...(current ? { results: current } : {}) });
			rooms.participants(row.id).emit('session:reveal', participantView(row));
		},

		/**
		 * The room moved to another step: phones follow, and so do the other facilitator screens.
		 * When the step started or ended the reveal, every facilitator screen gets the figures too.
		 */
		reveal(row: SessionRow, by: AppSocket, options: { figuresChanged: boolean }): void {
			rooms.participants(row.id).emit('session:reveal', participantView(row));
			rooms.otherFacilitators(by, row.id).emit('session:reveal', { code: row.code, reveal: service.reveal(row) });
			if (options.figuresChanged) {
				const current = results.current(row);
				rooms.facilitators(row.id).emit('session:results', { code: row.code, ...(current ? { results: current } : {}) });
			}
		},

		status(row: SessionRow): void {
			rooms.everyone(row.id).emit('session:status', { code: row.code, status: row.status });
		}
	};
}
export type Pushes = ReturnType<typeof createPushes>;
