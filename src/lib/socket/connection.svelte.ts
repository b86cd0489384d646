import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/protocol';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type AppClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Owns the one Socket.IO connection of the page and turns its events into state. Components read
 * `status` and call the typed methods of feature stores built on `socket`; nothing else calls
 * `socket.on`.
 */
export class Connection {
	status = $state<ConnectionStatus>('connecting');
	readonly socket: AppClientSocket;

	constructor(url?: string) {
		this.socket = url ? io(url, { transports: ['websocket'] }) : io({ transports: ['websocket'] });
		this.socket.on('connect', () => (this.status = 'online'));
		this.socket.on('disconnect', () => (this.status = 'offline'));
		this.socket.io.on('reconnect_attempt', () => {
			if (this.status !== 'online') this.status = 'connecting';
		});
		this.socket.io.on('reconnect_failed', () => (this.status = 'offline'));
		this.socket.on('connect_error', () => (this.status = 'offline'));
	}

	/** Round trip through the server's handler pipeline, in milliseconds. */
	async ping(): Promise<number> {
		const sentAt = Date.now();
		const ack = await this.socket.timeout(5000).emitWithAck('system:ping', { sentAt });
		if (!ack.ok) throw new Error(ack.error.message);
		return Date.now() - ack.data.sentAt;
	}

	close() {
		this.socket.close();
	}
}

let shared: Connection | undefined;
/** The page's connection, opened on first use (never during server-side rendering). */
export function getConnection(): Connection {
	shared ??= new Connection();
	return shared;
}
