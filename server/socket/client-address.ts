import { clientAddressOfConnection, type AppSocket } from './io.js';

/**
 * The client's address for rate limiting: the same value Express has as `req.ip` and SvelteKit
 * pages get from `getClientAddress()` (see `server/http/client-address.ts`), worked out once from
 * the handshake request with the configured trusted proxies.
 */
export function clientAddress(socket: AppSocket): string {
	return clientAddressOfConnection(socket.conn) ?? socket.handshake.address;
}
