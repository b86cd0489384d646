import express, { type RequestHandler } from 'express';
import type { Server as HttpServer } from 'node:http';
import { createApiRouter, type ApiDeps } from './http/api.router.js';
import { securityHeaders } from './http/security.js';
import { createIo, type AppServer, type AppSocket } from './socket/io.js';
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
};

/**
 * Builds the whole application on a given HTTP server: Express for pages and the JSON API,
 * Socket.IO on the same server. Nothing here reads the environment or opens files, so tests can
 * build it with their own components.
 */
export function createApp(httpServer: HttpServer, deps: AppDeps) {
	const app = express();
	app.disable('x-powered-by');
	app.set('trust proxy', 'loopback');
	app.use(securityHeaders);
	app.use('/api', createApiRouter(deps));
	app.use(deps.pageHandler);
	httpServer.on('request', app);

	const io = createIo(httpServer, { keepForeignUpgrades: deps.keepForeignUpgrades });
	const features: SocketFeature[] = [createSystemHandlers({ now: deps.now ?? Date.now }), ...(deps.socketFeatures?.(io) ?? [])];
	io.on('connection', (socket) => {
		socket.data = { role: 'anonymous' };
		for (const feature of features) feature.register(socket);
	});

	return {
		app,
		io,
		/** Stops accepting connections, disconnects every socket and waits for the HTTP server. */
		async close(): Promise<void> {
			await io.close();
			httpServer.closeAllConnections?.();
		}
	};
}
export type App = ReturnType<typeof createApp>;
