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

export function createIo(httpServer: HttpServer, options: { keepForeignUpgrades?: boolean } = {}): AppServer {
	return new Server(httpServer, {
		// In development Vite's hot-reload socket shares the server; it must not be cut off.
		destroyUpgrade: !options.keepForeignUpgrades,
		maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		serveClient: false
	});
}
