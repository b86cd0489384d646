import { isFigureStep } from '../../src/lib/core/reveal.js';
import { emptyPayload, facilitatorAttachPayload, groupConfirmPayload, revealSetPayload, sessionLockPayload, type SessionStatus, type StatusResult } from '../../src/lib/protocol.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { ResultsService } from '../sessions/results.service.js';
import { endsVoting, revealRefusal, statusChangeRefusal } from '../sessions/rules.js';
import type { SessionService } from '../sessions/session.service.js';
import { workshopAccess } from '../accounts/access.js';
import type { AccountRepository, AccountRow } from '../repositories/account.repository.js';
import { secretMatches } from '../sessions/secrets.js';
import { clientAddress } from './client-address.js';
import { HandlerError, on, refuse } from './handler.js';
import type { AppSocket } from './io.js';
import type { Pushes } from './pushes.js';
import { enterAsFacilitator } from './rooms.js';
import { controlledSession } from './whoami.js';
import { assumeRole } from './socket-role.js';

type Deps = {
	service: SessionService;
	accounts: AccountRepository;
	/** The signed-in account of a connection (from its session cookie), if any. */
	signedInAccount: (socket: AppSocket) => AccountRow | undefined;
	results: ResultsService;
	outcome: OutcomeService;
	sessions: SessionRepository;
	queue: WriteQueue;
	presence: PresenceTracker;
	pushes: Pushes;
	limiter: FailureLimiter;
};

const ENDED = { SESSION_CLOSED: 'This workshop has ended and cannot be reopened.' };

/** Facilitator events. Only a socket that attached with the session's token may call them. */
export function createFacilitatorHandlers({ service, accounts, signedInAccount, results, outcome, sessions, queue, presence, pushes, limiter }: Deps) {
	const controlled = (socket: AppSocket): SessionRow => controlledSession(socket, sessions);

	function changeStatus(socket: AppSocket, status: SessionStatus): StatusResult {
		const row = controlled(socket);
		refuse(statusChangeRefusal({ current: row.status }), ENDED);
		sessions.setStatus(row.id, status);
		pushes.status({ ...row, status });
		presence.touch(row.id);
		return { code: row.code, status };
	}

	return {
		register(socket: AppSocket) {
			const address = clientAddress(socket);
			on(socket, 'facilitator:attach', facilitatorAttachPayload, ({ code, token }) => {
				// A right token is never refused, whatever others from this address tried: tokens
				// are 256 random bits, so counting wrong ones is about noticing, not about guessing.
				const found = service.find(code);
				const account = signedInAccount(socket);
				const access = found
					? workshopAccess({
							ownerAccountId: found.ownerAccountId,
							accountId: account?.id,
							sharedWithAccount: account ? accounts.isSharedWith(found.id, account.id) : false,
							tokenValid: token !== undefined && secretMatches(token, found.tokenHash)
						})
					: undefined;
				if (!found || !access) {
					if (token) limiter.fail(address);
					throw new HandlerError('FORBIDDEN', 'This link or account does not control a session.');
				}
				const row = found;
				assumeRole(socket, { role: 'facilitator', sessionId: row.id, code: row.code }, presence);
				enterAsFacilitator(socket, row.id);
				return pushes.facilitatorState(row);
			});

			on(socket, 'session:lock', sessionLockPayload, ({ locked }) => changeStatus(socket, locked ? 'locked' : 'open'));
			on(socket, 'session:close', emptyPayload, () => changeStatus(socket, 'closed'));

			on(socket, 'group:confirm', groupConfirmPayload, ({ groupId }) => {
				const row = controlled(socket);
				if (!sessions.groups(row.id).some((g) => g.groupId === groupId)) throw new HandlerError('UNKNOWN_GROUP', `This workshop has no group "${groupId}".`);
				const { confirmedJoined } = results.confirm(row, groupId);
				presence.touch(row.id);
				if (isFigureStep(row.revealStep)) pushes.results(row);
				return { code: row.code, groupId, confirmedJoined };
			});

			on(socket, 'reveal:set', revealSetPayload, ({ step, dimensionId }) => {
				const row = controlled(socket);
				if (dimensionId && !service.questionnaireOf(row).dimensions.some((d) => d.id === dimensionId))
					throw new HandlerError('INVALID_PAYLOAD', `dimensionId: the questionnaire has no dimension "${dimensionId}".`);
				refuse(revealRefusal({ status: row.status, to: step }), { SESSION_CLOSED: 'This workshop has ended; answering cannot be reopened.' });
				// Answers that arrived before this step are counted: commit them before publishing.
				queue.flush();
				const moved = results.reveal(row, step, dimensionId ?? null);
				const votingEnds = endsVoting({ from: row.revealStep, to: step, votingClosed: row.votingClosed });
				const updated = votingEnds ? outcome.closeVoting(moved, true) : moved;
				if (votingEnds) pushes.outcome(row.id);
				pushes.reveal(updated, socket, { figuresChanged: isFigureStep(row.revealStep) !== isFigureStep(step) });
				presence.touch(row.id);
				return { code: row.code, reveal: service.reveal(updated) };
			});
		}
	};
}
