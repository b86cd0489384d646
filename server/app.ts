import express, { type RequestHandler } from 'express';
import type { Server as HttpServer } from 'node:http';
import { createApiRouter, type ApiDeps } from './http/api.router.js';
import { compileTrust } from './http/client-address.js';
import { guardConnections } from './http/connection-guard.js';
import { appErrorHandler } from './http/errors.js';
import { requestGuard } from './http/request-guard.js';
import { securityHeaders } from './http/security.js';
import { DEFAULT_NETWORK, type NetworkConfig } from './network-config.js';
import { createIo, type AppServer, type AppSocket } from './socket/io.js';
import { createRequestBudget } from './socket/request-budget.js';
import { createSystemHandlers } from './socket/system.handlers.js';

export type SocketFeature = { register(socket: AppSocket): void };

export type AppDeps = ApiDeps & {
	/** Serves every non-API request: SvelteKit's handler in production, Vite's middlewares in dev. */
	pageHandler: RequestHandler;
	/** Socket features added by later work (sessions, results), beside the system events. */
	socketFeatures?: (io: AppServer) => SocketFeature[];
	now?: () => number;
	/** Development only: leave WebSocket upgrades that are not Socket.IO's (Vite's HMR) alone. */
	keepForeignUpgrades?: boolean;
	/** Trusted proxies, accepted host names, connection limits; `DEFAULT_NETWORK` when omitted. */
	network?: NetworkConfig;
	/** Requests one connection may send: sustained per second, and at once. */
	requestBudget?: { perSecond: number; burst: number };
};

/**
 * Builds the whole application on a given HTTP server: Express for pages and the JSON API,
 * Socket.IO on the same server. Nothing here reads the environment or opens files, so tests can
 * build it with their own components.
 */
export function createApp(httpServer: HttpServer, deps: AppDeps) {
	const network = deps.network ?? DEFAULT_NETWORK;
	const trust = compileTrust(network.trustProxy);
	const connections = guardConnections(httpServer, { ...network, exempt: (address) => trust(address, 0) });

	const app = express();
	app.disable('x-powered-by');
	// The same compiled rule gives `req.ip`, the sockets' address and the pages' address.
	app.set('trust proxy', trust);
	app.use(requestGuard(network));
	app.use(securityHeaders);
	app.use('/api', createApiRouter(deps));
	app.use(deps.pageHandler);
	app.use(appErrorHandler);
	httpServer.on('request', app);

	const io = createIo(httpServer, { keepForeignUpgrades: deps.keepForeignUpgrades, hosts: network, trust });
	const features: SocketFeature[] = [createSystemHandlers({ now: deps.now ?? Date.now }), ...(deps.socketFeatures?.(io) ?? [])];
	const budget = createRequestBudget(deps.requestBudget ?? { perSecond: 20, burst: 40 });
	io.on('connection', (socket) => {
		socket.data = { role: 'anonymous' };
		budget.apply(socket);
		for (const feature of features) feature.register(socket);
	});

	return {
		app,
		io,
		/**
		 * Stops listening and hangs up at once on idle keep-alive connections, disconnects every
		 * socket, lets running requests finish for `graceMs`, then cuts whatever is left. Resolves
		 * within about `graceMs` whatever the clients do. (`io.close()` alone waits for
		 * `httpServer.close()`, that is for every connection, so one unfinished request body
		 * would hold the process until the request timeout.)
		 */
		async close(graceMs = network.shutdownGraceMs): Promise<void> {
			httpServer.close();
			httpServer.closeIdleConnections();
			const ioClosed = io.close();
			await settledWithin(ioClosed, graceMs);
			connections.destroyAll();
			httpServer.closeAllConnections();
			await settledWithin(ioClosed, 1_000);
		}
	};
}
export type App = ReturnType<typeof createApp>;

/** Waits for `promise`, but no longer than `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
	let timer: NodeJS.Timeout | undefined;
	await Promise.race([promise, new Promise<void>((done) => (timer = setTimeout(done, ms)))]);
	clearTimeout(timer);
}
