import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import { Refusal } from '../sessions/refusal.js';
import type { AppSocket } from './io.js';

/** The session this socket controls as facilitator, read fresh: another screen may have changed it. */
export function controlledSession(socket: AppSocket, sessions: SessionRepository): SessionRow {
	const me = socket.data;
	if (me.role !== 'facilitator') throw new Refusal('FORBIDDEN', 'Only the facilitator can do this.');
	const row = sessions.findById(me.sessionId);
	if (!row) throw new Refusal('SESSION_NOT_FOUND', 'This workshop no longer exists.');
	return row;
}

/** The participant this socket is, and their session, read fresh. */
export function participantSession(socket: AppSocket, sessions: SessionRepository): { row: SessionRow; participantId: string } {
	const me = socket.data;
	if (me.role !== 'participant') throw new Refusal('NOT_JOINED', 'Join a workshop first.');
	const row = sessions.findById(me.sessionId);
	if (!row) throw new Refusal('SESSION_NOT_FOUND', 'This workshop no longer exists.');
	return { row, participantId: me.participantId };
}
