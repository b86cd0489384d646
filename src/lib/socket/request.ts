import type { Socket } from 'socket.io-client';
import type { Ack, AckCallback, ClientToServerEvents, ServerToClientEvents } from '../protocol.js';

export type RequestEvent = keyof ClientToServerEvents;
export type PayloadOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[0];
export type AckOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? Ack<T> : never;

/**
 * Sends a request and waits for its ack, rejecting after `timeoutMs`. Socket.IO's own typing of
 * `timeout().emitWithAck()` loses the ack type, so this one place restores it from the event map.
 */
export async function request<E extends RequestEvent>(
	socket: Socket<ServerToClientEvents, ClientToServerEvents>,
	event: E,
	payload: PayloadOf<E>,
	timeoutMs = 8000
): Promise<AckOf<E>> {
	const timed = socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
	return (await timed.emitWithAck(event, payload)) as AckOf<E>;
}
