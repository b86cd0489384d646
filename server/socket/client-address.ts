import { forwardedForOf, type AppSocket } from './io.js';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The client's address for rate limiting, by the same rule as Express's `trust proxy: loopback`:
 * behind a proxy on this machine every socket would otherwise share the proxy's address, and one
 * person's wrong codes would lock out the whole room.
 */
export function clientAddress(socket: AppSocket): string {
	const direct = socket.handshake.address;
	const forwarded = forwardedForOf(socket.conn) ?? socket.handshake.headers['x-forwarded-for'];
	if (LOOPBACK.test(direct) && typeof forwarded === 'string' && forwarded.trim()) return forwarded.split(',')[0]!.trim();
	return direct;
}
