import { monotonicNow } from './token-bucket.js';

/**
 * A coalesced "something changed" signal per key (a workshop): however many changes arrive, `notify`
 * runs at most once per interval for each key. The first change after a quiet spell goes out at
 * once; changes during a busy spell wait for the end of the interval, so none waits longer than
 * one interval. Intervals use a monotonic clock: a wall-clock step cannot freeze the updates.
 */
export function createCoalescer(options: { intervalMs: number; notify: (key: number) => void; now?: () => number }) {
	const now = options.now ?? monotonicNow;
	const pending = new Map<number, NodeJS.Timeout>();
	/** Once stopped (at shutdown), changes are ignored: nothing may run after the database closed. */
	let stopped = false;
	const lastSent = new Map<number, number>();
	const send = (key: number) => {
		pending.delete(key);
		lastSent.set(key, now());
		options.notify(key);
	};
	return {
		/** Schedules one notification for the key unless one is already on its way. */
		touch(key: number): void {
			if (stopped || pending.has(key)) return;
			const last = lastSent.get(key);
			const wait = last === undefined ? 0 : Math.max(0, last + options.intervalMs - now());
			// Even "at once" goes through a timer, so a burst arriving in one tick is one notification.
			pending.set(key, setTimeout(() => send(key), wait));
		},
		/** Forgets a key that has gone quiet (its next change goes out at once). */
		forget(key: number): void {
			clearTimeout(pending.get(key));
			pending.delete(key);
			lastSent.delete(key);
		},
		stop(): void {
			stopped = true;
			for (const timer of pending.values()) clearTimeout(timer);
			pending.clear();
		}
	};
}
export type Coalescer = ReturnType<typeof createCoalescer>;
