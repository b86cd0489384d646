import { monotonicNow } from './token-bucket.js';

/**
 * Counts failed attempts per key (a client address) in a sliding window: wrong join codes, wrong
 * facilitator tokens, wrong passcodes. Guessing then gets slow, while a room of people behind one
 * venue address who typed the right code is never turned away:
 *
 * - `blocked(key)`: the key failed `maxFailures` times in the window;
 * - `slowDown(key)`: for a blocked key, waits `delayMs` before the lookup goes ahead (a *correct*
 *   code still gets in, a wrong one is answered late), with at most `maxWaiting` lookups of one key
 *   waiting at a time — more than that is refused. That keeps a guesser at a few tries a second per
 *   address, out of reach of a 6-character code space, without refusing the right code.
 *
 * Windows use a monotonic clock (a wall-clock step cannot lift or extend a block), and the table
 * keeps at most `maxKeys` addresses, forgetting the least recent first.
 */
export function createFailureLimiter(options: {
	maxFailures: number;
	windowMs: number;
	delayMs?: number;
	maxWaiting?: number;
	maxKeys?: number;
	now?: () => number;
}) {
	const now = options.now ?? monotonicNow;
	const delayMs = options.delayMs ?? 2000;
	const maxWaiting = options.maxWaiting ?? 4;
	const maxKeys = options.maxKeys ?? 20_000;
	const failures = new Map<string, number[]>();
	const waiting = new Map<string, number>();

	const recent = (key: string): number[] => {
		const list = failures.get(key);
		if (!list) return [];
		const since = now() - options.windowMs;
		const kept = list.filter((t) => t > since);
		if (kept.length) failures.set(key, kept);
		else failures.delete(key);
		return kept;
	};

	return {
		blocked: (key: string): boolean => recent(key).length >= options.maxFailures,

		fail(key: string): void {
			const list = [...recent(key), now()].slice(-options.maxFailures);
			failures.delete(key); // re-inserted last: the least recent key is dropped first
			failures.set(key, list);
			for (const oldest of failures.keys()) {
				if (failures.size <= maxKeys) break;
				failures.delete(oldest);
			}
		},

		/**
		 * Resolves at once for a key in good standing; for a blocked one after `delayMs`. Returns
		 * false (refuse as RATE_LIMITED) when too many of that key's lookups are already waiting.
		 */
		async slowDown(key: string): Promise<boolean> {
			if (!this.blocked(key)) return true;
			const n = waiting.get(key) ?? 0;
			if (n >= maxWaiting) return false;
			waiting.set(key, n + 1);
			try {
				await new Promise((r) => setTimeout(r, delayMs));
			} finally {
				const left = (waiting.get(key) ?? 1) - 1;
				if (left) waiting.set(key, left);
				else waiting.delete(key);
			}
			return true;
		},

		get size(): number {
			return failures.size;
		}
	};
}
export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
