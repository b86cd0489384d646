/**
 * Who is connected right now, per session, and a coalesced "something changed" signal: however
 * many answers arrive, each session's listeners are notified at most once per interval.
 */
export function createPresenceTracker(options: { intervalMs: number; notify: (sessionId: number) => void }) {
	const connected = new Map<number, Map<string, number>>();
	const pending = new Map<number, NodeJS.Timeout>();

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
			pending.set(
				sessionId,
				setTimeout(() => {
					pending.delete(sessionId);
					options.notify(sessionId);
				}, options.intervalMs)
			);
		},
		stop(): void {
			for (const timer of pending.values()) clearTimeout(timer);
			pending.clear();
		}
	};
}
export type PresenceTracker = ReturnType<typeof createPresenceTracker>;
