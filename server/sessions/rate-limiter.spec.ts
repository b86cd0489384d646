import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limiter.js';

function clock() {
	let t = 1_000;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('failure limiter', () => {
	it('blocks a key after the maximum failures in the window, and forgets them after it', () => {
		const c = clock();
		const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 60_000, now: c.now });
		limiter.fail('a');
		limiter.fail('a');
		expect(limiter.blocked('a')).toBe(false);
		limiter.fail('a');
		expect(limiter.blocked('a')).toBe(true);
		expect(limiter.blocked('b')).toBe(false);
		c.advance(60_001);
		expect(limiter.blocked('a')).toBe(false);
	});

	it('slows a blocked key down instead of refusing it, and refuses only too many waiting at once', async () => {
		const limiter = createFailureLimiter({ maxFailures: 1, windowMs: 60_000, delayMs: 30, maxWaiting: 2 });
		expect(await limiter.slowDown('a')).toBe(true);
		limiter.fail('a');
		const started = performance.now();
		const three = await Promise.all([limiter.slowDown('a'), limiter.slowDown('a'), limiter.slowDown('a')]);
		expect(three).toEqual([true, true, false]);
		expect(performance.now() - started).toBeGreaterThanOrEqual(25);
		// A key in good standing is never delayed.
		const quick = performance.now();
		expect(await limiter.slowDown('b')).toBe(true);
		expect(performance.now() - quick).toBeLessThan(25);
	});

	it('keeps at most maxKeys addresses, however many a flood invents', () => {
		const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 60_000, maxKeys: 100 });
		for (let i = 0; i < 30_000; i++) limiter.fail(`10.0.${i >> 8}.${i & 255}`);
		expect(limiter.size).toBeLessThanOrEqual(100);
	});
});
