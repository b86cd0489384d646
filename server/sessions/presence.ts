import { createCoalescer } from './coalescer.js';

/**
 * Who is connected right now, per session, and a coalesced "something changed" signal: however
 * many answers arrive, each session's listeners are notified at most once per interval (see
 * `createCoalescer`).
 */
export function createPresenceTracker(options: { intervalMs: number; notify: (sessionId: number) => void; now?: () => number }) {
	const connected = new Map<number, Map<string, number>>();
	const changes = createCoalescer(options);

	return {
		enter(sessionId: number, participantId: string): void {
			const sockets = connected.get(sessionId) ?? new Map<string, number>();
			sockets.set(participantId, (sockets.get(participantId) ?? 0) + 1);
			connected.set(sessionId, sockets);
		},
		leave(sessionId: number, participantId: string): void {
			const sockets = connected.get(sessionId);
			const n = sockets?.get(participantId) ?? 0;
			if (!sockets || n === 0) return;
			if (n > 1) sockets.set(participantId, n - 1);
			else sockets.delete(participantId);
			if (sockets.size === 0) connected.delete(sessionId);
		},
		connected(sessionId: number): ReadonlySet<string> {
			return new Set(connected.get(sessionId)?.keys() ?? []);
		},
		/** Schedules one notification for the session unless one is already on its way. */
		touch: changes.touch,
		stop: changes.stop
	};
}
export type PresenceTracker = ReturnType<typeof createPresenceTracker>;
