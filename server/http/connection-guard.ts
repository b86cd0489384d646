import type { Server as HttpServer } from 'node:http';
import type { Socket } from 'node:net';

export type ConnectionLimits = {
	maxConnectionsPerAddress: number;
	headersTimeoutMs: number;
	requestTimeoutMs: number;
	keepAliveTimeoutMs: number;
	/** Addresses the cap does not apply to: trusted proxies carry many clients on one address. */
	exempt: (address: string) => boolean;
};

/**
 * Keeps one client from holding the server with slow or many connections: short header and
 * request deadlines (Node's defaults let a client dribble headers for a minute and a body for
 * five), and a cap on open TCP connections per address, refused by closing the new one. Also
 * remembers every connection, upgraded WebSockets included, so shutdown can cut them all.
 */
export function guardConnections(httpServer: HttpServer, limits: ConnectionLimits) {
	httpServer.headersTimeout = limits.headersTimeoutMs;
	httpServer.requestTimeout = limits.requestTimeoutMs;
	httpServer.keepAliveTimeout = limits.keepAliveTimeoutMs;
	// Node enforces both deadlines from a periodic sweep (every 30 s by default); it must run
	// often enough for a 10 s deadline to mean about 10 s. Takes effect at `listen`.
	(httpServer as HttpServer & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(250, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)));

	const all = new Set<Socket>();
	const perAddress = new Map<string, number>();
	httpServer.on('connection', (socket: Socket) => {
		const address = socket.remoteAddress ?? 'unknown';
		if (!limits.exempt(address)) {
			const open = perAddress.get(address) ?? 0;
			if (open >= limits.maxConnectionsPerAddress) {
				socket.destroy();
				return;
			}
			perAddress.set(address, open + 1);
			socket.once('close', () => {
				const left = (perAddress.get(address) ?? 1) - 1;
				if (left > 0) perAddress.set(address, left);
				else perAddress.delete(address);
			});
		}
		all.add(socket);
		socket.once('close', () => all.delete(socket));
	});

	return {
		/** Ends every connection at once, whatever it is doing (the end of the shutdown grace). */
		destroyAll(): void {
			for (const socket of all) socket.destroy();
		},
		open: (): number => all.size
	};
}
