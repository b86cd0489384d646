/** Milliseconds from a clock that never steps backwards (NTP, VM resume), unlike `Date.now()`. */
export const monotonicNow = (): number => performance.now();

/**
 * Token buckets per key (a client address, a workshop): each key may spend `capacity` at once and
 * earns `perMinute` back each minute. A room of people arriving together fits the burst; one
 * client creating participants in a loop does not. Full buckets are forgotten, so the map holds
 * only keys that spent something recently, however many keys a flood invents.
 */
export function createTokenBuckets(options: { capacity: number; perMinute: number; now?: () => number; maxKeys?: number }) {
	const now = options.now ?? monotonicNow;
	const maxKeys = options.maxKeys ?? 50_000;
	const ratePerMs = options.perMinute / 60_000;
	const buckets = new Map<string, { tokens: number; at: number }>();

	function level(key: string, t: number): number {
		const b = buckets.get(key);
		if (!b) return options.capacity;
		const tokens = Math.min(options.capacity, b.tokens + (t - b.at) * ratePerMs);
		if (tokens >= options.capacity) buckets.delete(key);
		return tokens;
	}

	function sweep(t: number) {
		for (const key of buckets.keys()) level(key, t);
		// Still too many: the oldest entries go first (a Map iterates in insertion order).
		for (const key of buckets.keys()) {
			if (buckets.size <= maxKeys) break;
			buckets.delete(key);
		}
	}

	return {
		/** Spends one token of `key`; false (and nothing spent) when none is left. */
		take(key: string): boolean {
			const t = now();
			const tokens = level(key, t);
			if (tokens < 1) return false;
			buckets.delete(key); // re-inserted last, so the sweep drops the longest idle first
			buckets.set(key, { tokens: tokens - 1, at: t });
			if (buckets.size > maxKeys) sweep(t);
			return true;
		},
		get size(): number {
			return buckets.size;
		}
	};
}
export type TokenBuckets = ReturnType<typeof createTokenBuckets>;
