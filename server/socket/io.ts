import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
	MAX_SOCKET_PAYLOAD_BYTES,
	type ClientToServerEvents,
	type InterServerEvents,
	type ServerToClientEvents,
	type SocketData
} from '../../src/lib/protocol.js';
import { clientAddressOfRequest, type TrustProxy } from '../http/client-address.js';
import { hostAllowed, originAllowed, parseHost, type HostPolicy } from '../http/host-policy.js';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type AppSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** The client address of each connection, worked out from its first request (see below). */
const clientAddresses = new WeakMap<object, string>();
export const clientAddressOfConnection = (engineSocket: object): string | undefined => clientAddresses.get(engineSocket);
/** A connection's Standort cookies (resume tokens, the sign-in session), kept from its first request. */
const resumeCookies = new WeakMap<object, string>();
export const resumeCookiesOfConnection = (engineSocket: object): string | undefined => resumeCookies.get(engineSocket);
export const cookiesOfConnection = resumeCookiesOfConnection;

type IoOptions = { keepForeignUpgrades?: boolean; hosts: HostPolicy; trust: TrustProxy };

/**
 * The handshake's gate. WebSocket upgrades never pass Express, so the Host rule is applied here
 * too; and a browser's Origin must be this server's own page, or any website a participant visits
 * could open sockets to a LAN Standort from the participant's machine.
 */
export function handshakeRefusal(req: IncomingMessage, hosts: HostPolicy): string | undefined {
	const host = req.headers.host;
	if (host !== undefined) {
		const parsed = parseHost(host);
		if (!parsed || !hostAllowed(parsed.hostname, hosts)) return 'host not allowed';
	}
	if (!originAllowed(req.headers.origin, host, hosts.publicUrl)) return 'origin not allowed';
	return undefined;
}

export function createIo(httpServer: HttpServer, options: IoOptions): AppServer {
	const io: AppServer = new Server(httpServer, {
		// In development Vite's hot-reload socket shares the server; it must not be cut off.
		destroyUpgrade: !options.keepForeignUpgrades,
		maxHttpBufferSize: MAX_SOCKET_PAYLOAD_BYTES,
		pingInterval: 20_000,
		pingTimeout: 20_000,
		serveClient: false,
		allowRequest: (req, callback) => {
			const refusal = handshakeRefusal(req, options.hosts);
			callback(refusal ?? null, refusal === undefined);
		}
	});
	// Socket.IO keeps each connection's first HTTP request for its whole life; nothing here needs
	// it past the handshake, and at 2,000 phones it is a good part of the memory per connection.
	io.engine.on('connection', (raw: { request: IncomingMessage | null }) => {
		if (raw.request) clientAddresses.set(raw, clientAddressOfRequest(raw.request, options.trust));
		// Only Standort's own cookies are kept (resume tokens, the facilitator's session).
		const cookie = raw.request?.headers.cookie;
		if (cookie?.includes('standort_')) resumeCookies.set(raw, cookie);
		raw.request = null;
	});
	return io;
}
