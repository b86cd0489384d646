import { emptyPayload, facilitatorAttachPayload, revealSetPayload, sessionLockPayload, type SessionStatus } from '../../src/lib/protocol.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { SessionError, type SessionService } from '../sessions/session.service.js';
import { handle, HandlerError } from './handler.js';
import { clientAddress } from './client-address.js';
import { assumeRole } from './socket-role.js';
import type { AppServer, AppSocket } from './io.js';

type Deps = { io: AppServer; service: SessionService; sessions: SessionRepository; presence: PresenceTracker; limiter: FailureLimiter };

/** Facilitator events. Only a socket that attached with the session's token may call them. */
export function createFacilitatorHandlers({ io, service, sessions, presence, limiter }: Deps) {
	function controlled(socket: AppSocket) {
		const me = socket.data;
		if (me.role !== 'facilitator') throw new HandlerError('FORBIDDEN', 'Only the facilitator can do this.');
		const row = sessions.findById(me.sessionId);
		if (!row) throw new HandlerError('SESSION_NOT_FOUND', 'This workshop no longer exists.');
		return row;
	}

	function changeStatus(socket: AppSocket, status: SessionStatus) {
		const row = controlled(socket);
		if (row.status === 'closed') throw new HandlerError('SESSION_CLOSED', 'This workshop has ended and cannot be reopened.');
		sessions.setStatus(row.id, status);
		const result = { code: row.code, status };
		io.to(`session:${row.id}`).emit('session:status', result);
		presence.touch(row.id);
		return result;
	}

	return {
		register(socket: AppSocket) {
			const address = clientAddress(socket);
			socket.on(
				'facilitator:attach',
				handle(facilitatorAttachPayload, ({ code, token }) => {
					if (limiter.blocked(address)) throw new HandlerError('RATE_LIMITED', 'Too many failed attempts. Wait a minute and try again.');
					let row;
					try {
						row = service.authorise(code, token);
					} catch (error) {
						if (!(error instanceof SessionError)) throw error;
						limiter.fail(address);
						throw new HandlerError('FORBIDDEN', error.message);
					}
					assumeRole(socket, { role: 'facilitator', sessionId: row.id, code: row.code }, presence);
					void socket.join([`fac:${row.id}`, `session:${row.id}`]);
					return service.facilitatorState(row, presence.connected(row.id));
				})
			);
			socket.on('session:lock', handle(sessionLockPayload, ({ locked }) => changeStatus(socket, locked ? 'locked' : 'open')));
			socket.on('session:close', handle(emptyPayload, () => changeStatus(socket, 'closed')));
			socket.on(
				'reveal:set',
				handle(revealSetPayload, ({ step, dimensionId }) => {
					const row = controlled(socket);
					if (dimensionId && !service.questionnaireOf(row).dimensions.some((d) => d.id === dimensionId))
						throw new HandlerError('INVALID_PAYLOAD', `The questionnaire has no dimension "${dimensionId}".`);
					sessions.setReveal(row.id, step, dimensionId ?? null);
					const updated = { ...row, revealStep: step, revealDimension: dimensionId ?? null };
					// Phones follow at once, with exactly what this step shows.
					io.to(`part:${row.id}`).emit('session:reveal', service.participantView(updated));
					// A second facilitator screen (a laptop beside the projector) follows too.
					socket.to(`fac:${row.id}`).emit('session:reveal', { code: row.code, reveal: service.reveal(updated) });
					return { code: row.code, reveal: service.reveal(updated) };
				})
			);
		}
	};
}
