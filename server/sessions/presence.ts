/**
 * Who is connected right now, per session, and a coalesced "something changed" signal: however
 * many answers arrive, each session's listeners are notified at most once per interval. The first
 * change after a quiet spell goes out at once; changes during a busy spell wait for the end of the
 * interval, so no change waits longer than one interval.
 */
export function createPresenceTracker(options: { intervalMs: number; notify: (sessionId: number) => void }) {
	const connected = new Map<number, Map<string, number>>();
	const pending = new Map<number, NodeJS.Timeout>();
	const lastSent = new Map<number, number>();
	const send = (sessionId: number) => {
		pending.delete(sessionId);
		lastSent.set(sessionId, Date.now());
		options.notify(sessionId);
	};

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
		},
		connected(sessionId: number): ReadonlySet<string> {
			return new Set(connected.get(sessionId)?.keys() ?? []);
		},
		/** Schedules one notification for the session unless one is already on its way. */
		touch(sessionId: number): void {
			if (pending.has(sessionId)) return;
			const wait = Math.max(0, (lastSent.get(sessionId) ?? 0) + options.intervalMs - Date.now());
			// Even "at once" goes through a timer, so a burst arriving in one tick is one notification.
			pending.set(sessionId, setTimeout(() => send(sessionId), wait));
		},
		stop(): void {
			for (const timer of pending.values()) clearTimeout(timer);
			pending.clear();
		}
	};
}
export type PresenceTracker = ReturnType<typeof createPresenceTracker>;
