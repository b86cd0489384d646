import type { SocketData } from '../../src/lib/protocol.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { AppSocket } from './io.js';
import { leaveAllRooms } from './rooms.js';

/**
 * Gives a socket a new role (participant of one session, or facilitator of one). Whatever it was
 * before is undone first: its rooms are left and its presence withdrawn, so a socket never keeps
 * hearing about a session it no longer belongs to, nor counts twice.
 */
export function assumeRole(socket: AppSocket, next: SocketData, presence: PresenceTracker): void {
	const previous = socket.data;
	if (previous.role === 'participant') {
		presence.leave(previous.sessionId, previous.participantId);
		presence.touch(previous.sessionId);
	}
	leaveAllRooms(socket);
	socket.data = next;
}
