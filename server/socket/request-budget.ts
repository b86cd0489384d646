import type { Ack } from '../../src/lib/protocol.js';
import { createTokenBuckets } from '../sessions/token-bucket.js';
import type { AppSocket } from './io.js';

const refusal: Ack<never> = { ok: false, error: { code: 'RATE_LIMITED', message: 'Too many requests on this connection. Slow down.' } };

/**
 * A budget of requests per connection: a phone sends a few a second at most (its queue flushes one
 * answer per ack), so a connection far beyond that is a script. Its requests are refused with
 * RATE_LIMITED before any handler spends time on them (every request with a callback still gets
 * its one ack), and a connection that keeps flooding after many refusals is hung up on, so it
 * cannot keep the event loop busy for everyone else.
 */
export function createRequestBudget(options: { perSecond: number; burst: number }) {
	const buckets = createTokenBuckets({ capacity: options.burst, perMinute: options.perSecond * 60 });
	const tolerated = createTokenBuckets({ capacity: options.burst * 5, perMinute: options.perSecond * 60 });
	return {
		apply(socket: AppSocket): void {
			socket.use((packet, next) => {
				if (buckets.take(socket.id)) return next();
				if (!tolerated.take(socket.id)) {
					socket.disconnect(true);
					return;
				}
				const ack = packet.at(-1);
				if (typeof ack === 'function') (ack as (response: Ack<never>) => void)(refusal);
			});
		}
	};
}
