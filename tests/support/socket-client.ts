import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io-client connected to the server under test. */
export async function connect(url: string): Promise<TestSocket> {
	const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
	await new Promise<void>((done, fail) => {
		socket.once('connect', () => done());
		socket.once('connect_error', (error) => fail(error));
	});
	return socket;
}
