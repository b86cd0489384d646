import { z } from 'zod';

/**
 * The one contract between the server, the browser and the tests: Socket.IO event maps, their
 * payload schemas and the shape of every acknowledgement. Event names are `entity:verb`.
 */

export const ERROR_CODES = [
	'INVALID_PAYLOAD',
	'SESSION_NOT_FOUND',
	'SESSION_LOCKED',
	'SESSION_CLOSED',
	'UNKNOWN_GROUP',
	'UNKNOWN_QUESTION',
	'UNKNOWN_OPTION',
	'NOT_JOINED',
	'FORBIDDEN',
	'RATE_LIMITED',
	'INTERNAL'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export type ProtocolError = { code: ErrorCode; message: string };

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
export type AckCallback<T> = (response: Ack<T>) => void;

// ---- payloads --------------------------------------------------------------------------------

export const pingPayload = z.strictObject({ sentAt: z.number().finite() });
export type PingPayload = z.infer<typeof pingPayload>;
export type PingResult = { sentAt: number; serverTime: number };

// ---- event maps ------------------------------------------------------------------------------

export interface ClientToServerEvents {
	'system:ping': (payload: PingPayload, ack: AckCallback<PingResult>) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ServerToClientEvents {}

export interface InterServerEvents {}

/** What the server remembers about one socket. */
export interface SocketData {
	role: 'anonymous';
}

/** Payloads above this size are refused by Socket.IO before any handler sees them. */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024;
