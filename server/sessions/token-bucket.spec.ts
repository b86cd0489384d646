import { describe, expect, it } from 'vitest';
import { createTokenBuckets } from './token-bucket.js';

function clock() {
	let t = 1000;
	return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('token buckets', () => {
	it('allows a burst up to the capacity, then refills at the rate', () => {
		const c = clock();
		const b = createTokenBuckets({ capacity: 3, perMinute: 60, now: c.now });
		expect([b.take('a'), b.take('a'), b.take('a'), b.take('a')]).toEqual([true, true, true, false]);
		c.advance(999);
		expect(b.take('a')).toBe(false);
		c.advance(1);
		expect(b.take('a')).toBe(true);
		expect(b.take('a')).toBe(false);
	});

	it('keeps keys apart', () => {
		const b = createTokenBuckets({ capacity: 1, perMinute: 1, now: clock().now });
		expect([b.take('a'), b.take('b'), b.take('a')]).toEqual([true, true, false]);
	});

	it('forgets full buckets and bounds the number of keys', () => {
		const c = clock();
		const b = createTokenBuckets({ capacity: 2, perMinute: 60, now: c.now, maxKeys: 100 });
		for (let i = 0; i < 1000; i++) b.take(`k${i}`);
		expect(b.size).toBeLessThanOrEqual(101);
		c.advance(2000);
		b.take('x');
		for (let i = 0; i < 200; i++) b.take(`y${i}`);
		expect(b.size).toBeLessThanOrEqual(101);
	});
});
