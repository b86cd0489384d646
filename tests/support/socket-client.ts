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

/**
 * A client that appears to come from `address`: the test plays the trusted proxy on loopback and
 * sends the `X-Forwarded-For` a proxy would, so limits per address can be tested from one machine.
 */
export async function connectFrom(url: string, address: string): Promise<TestSocket> {
	const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { 'x-forwarded-for': address } });
	await new Promise<void>((done, fail) => {
		socket.once('connect', () => done());
		socket.once('connect_error', (error) => fail(error));
	});
	return socket;
}
