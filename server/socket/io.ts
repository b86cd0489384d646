import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
	MAX_SOCKET_PAYLOAD_BYTES,
	type ClientToServerEvents,
	type InterServerEvents,
	type ServerToClientEvents,
	type SocketData
} from '../../src/lib/protocol.js';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** `X-Forwarded-For` of each connection, kept from its first request (see below). */
const forwardedFor = new WeakMap<object, string>();
export const forwardedForOf = (engineSocket: object): string | undefined => forwardedFor.get(engineSocket);

export function createIo(httpServer: HttpServer, options: { keepForeignUpgrades?: boolean } = {}): AppServer {
	const io: AppServer = new Server(httpServer, {
		// In development Vite's hot-reload socket shares the server; it must not be cut off.
		destroyUpgrade: !options.keepForeignUpgrades,
		maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		serveClient: false
	});
	// Socket.IO keeps each connection's first HTTP request for its whole life; nothing here needs
	// it past the handshake, and at 2,000 phones it is a good part of the memory per connection.
	io.engine.on('connection', (raw: { request: { headers: Record<string, unknown> } | null }) => {
		const xff = raw.request?.headers['x-forwarded-for'];
		if (typeof xff === 'string') forwardedFor.set(raw, xff);
		raw.request = null;
	});
	return io;
}
