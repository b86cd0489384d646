import type { AppServer, AppSocket } from './io.js';

/**
 * The rooms of a workshop, named in one place. Pushes go through these helpers, whose `emit` is
 * typed by the server→client event map, so no handler spells a room name or an event by hand.
 */
const names = {
	/** Everyone in the workshop: status changes. */
	everyone: (sessionId: number) => `session:${sessionId}`,
	/** Phones: what the reveal shows. */
	participants: (sessionId: number) => `part:${sessionId}`,
	/** Facilitator screens: presence, results and every outcome change. */
	facilitators: (sessionId: number) => `fac:${sessionId}`
};

export function createRooms(io: AppServer) {
	return {
		everyone: (sessionId: number) => io.to(names.everyone(sessionId)),
		participants: (sessionId: number) => io.to(names.participants(sessionId)),
		facilitators: (sessionId: number) => io.to(names.facilitators(sessionId)),
		/** The other facilitator screens of the workshop, not the socket that caused the change. */
		otherFacilitators: (socket: AppSocket, sessionId: number) => socket.to(names.facilitators(sessionId))
	};
}
export type Rooms = ReturnType<typeof createRooms>;

export function enterAsParticipant(socket: AppSocket, sessionId: number): void {
	void socket.join([names.everyone(sessionId), names.participants(sessionId)]);
}

export function enterAsFacilitator(socket: AppSocket, sessionId: number): void {
	void socket.join([names.everyone(sessionId), names.facilitators(sessionId)]);
}

/** Leaves every workshop room (a socket's own room stays). */
export function leaveAllRooms(socket: AppSocket): void {
	for (const room of socket.rooms) if (room !== socket.id) void socket.leave(room);
}
