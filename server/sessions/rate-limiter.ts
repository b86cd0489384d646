/**
 * Counts failed attempts per key (a client address) in a sliding window. Guessing join codes or
 * facilitator tokens then costs a minute per handful of tries, while a room of people who typed
 * the right code is never slowed down.
 */
export function createFailureLimiter(options: { maxFailures: number; windowMs: number; now?: () => number }) {
	const now = options.now ?? Date.now;
	const failures = new Map<string, number[]>();

	const recent = (key: string): number[] => {
		const since = now() - options.windowMs;
		const kept = (failures.get(key) ?? []).filter((t) => t > since);
		if (kept.length) failures.set(key, kept);
		else failures.delete(key);
		return kept;
	};

	return {
		blocked: (key: string): boolean => recent(key).length >= options.maxFailures,
		fail(key: string): void {
			failures.set(key, [...recent(key), now()]);
		}
	};
}
export type FailureLimiter = ReturnType<typeof createFailureLimiter>;
