import type { z } from 'zod';
import type { Ack, AckCallback, ErrorCode, ProtocolError } from '../../src/lib/protocol.js';

export class HandlerError extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string
	) {
		super(message);
		this.name = 'HandlerError';
	}
}

export const fail = (code: ErrorCode, message: string): ProtocolError => ({ code, message });

/**
 * Wraps a socket handler so that every request follows the same path: the payload is validated
 * with its schema, the work runs, and exactly one ack is sent — `{ok:false}` with a stable code for
 * bad input or a refused request, never an exception that escapes into Socket.IO.
 */
export function handle<S extends z.ZodType, R>(
	schema: S,
	work: (payload: z.infer<S>) => R | Promise<R>
): (payload: unknown, ack: unknown) => Promise<void> {
	return async (payload, ack) => {
		// A client that sends no callback gets no answer; the work is still refused if invalid.
		const reply: AckCallback<R> = typeof ack === 'function' ? (ack as AckCallback<R>) : () => {};
		const parsed = schema.safeParse(payload);
		if (!parsed.success) {
			reply({ ok: false, error: fail('INVALID_PAYLOAD', describe(parsed.error)) });
			return;
		}
		let result: Ack<R>;
		try {
			result = { ok: true, data: await work(parsed.data) };
		} catch (error) {
			if (error instanceof HandlerError) result = { ok: false, error: fail(error.code, error.message) };
			else {
				console.error('socket handler failed', error);
				result = { ok: false, error: fail('INTERNAL', 'The server could not process this request.') };
			}
		}
		reply(result);
	};
}

function describe(error: z.ZodError): string {
	const first = error.issues[0];
	if (!first) return 'Invalid payload.';
	const where = first.path.length ? first.path.join('.') : 'payload';
	return `${where}: ${first.message}`;
}
