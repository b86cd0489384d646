import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limiter.js';

describe('failure limiter', () => {
	it('blocks a key after maxFailures within the window and forgets them after it', () => {
		let t = 0;
		const limiter = createFailureLimiter({ maxFailures: 3, windowMs: 1000, now: () => t });
		for (let i = 0; i < 3; i++) {
			expect(limiter.blocked('a')).toBe(false);
			limiter.fail('a');
		}
		expect(limiter.blocked('a')).toBe(true);
		expect(limiter.blocked('b')).toBe(false);
		t = 1001;
		expect(limiter.blocked('a')).toBe(false);
	});
});
