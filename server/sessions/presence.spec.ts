import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPresenceTracker } from './presence.js';

describe('presence tracker', () => {
	afterEach(() => vi.useRealTimers());

	it('notifies at once after a quiet spell, then at most once per interval', () => {
		vi.useFakeTimers();
		const notified: number[] = [];
		const start = performance.now();
		const tracker = createPresenceTracker({ intervalMs: 200, notify: () => notified.push(performance.now() - start) });
		tracker.touch(1);
		tracker.touch(1);
		vi.advanceTimersByTime(0);
		expect(notified).toEqual([0]);
		for (let t = 0; t < 500; t += 10) {
			tracker.touch(1);
			vi.advanceTimersByTime(10);
		}
		// 500 ms of constant change: one notification per 200 ms, never more.
		expect(notified).toEqual([0, 200, 400]);
		tracker.stop();
	});

	it('keeps notifying when the wall clock steps back (NTP, a resumed VM)', () => {
		vi.useFakeTimers();
		let count = 0;
		const tracker = createPresenceTracker({ intervalMs: 200, notify: () => count++ });
		tracker.touch(1);
		vi.advanceTimersByTime(0);
		// The wall clock jumps an hour back; the monotonic clock goes on.
		vi.setSystemTime(Date.now() - 3_600_000);
		for (let t = 0; t < 1000; t += 50) {
			tracker.touch(1);
			vi.advanceTimersByTime(50);
		}
		expect(count).toBeGreaterThanOrEqual(5);
		tracker.stop();
	});

	it('counts a person once however many sockets they have open', () => {
		const tracker = createPresenceTracker({ intervalMs: 200, notify: () => {} });
		tracker.enter(1, 'p');
		tracker.enter(1, 'p');
		tracker.leave(1, 'p');
		expect([...tracker.connected(1)]).toEqual(['p']);
		tracker.leave(1, 'p');
		expect([...tracker.connected(1)]).toEqual([]);
	});
});
