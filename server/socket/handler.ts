import type { z } from 'zod';
import type { Ack, AckCallback, ClientToServerEvents, ErrorCode, ProtocolError } from '../../src/lib/protocol.js';
import { Refusal } from '../sessions/refusal.js';
import type { AppSocket } from './io.js';

/** Handlers and services refuse with the same error class. */
export { Refusal as HandlerError };

export const fail = (code: ErrorCode, message: string): ProtocolError => ({ code, message });

export type RequestEvent = keyof ClientToServerEvents;
/** What a successful request of `E` replies with, read from the event map: the one contract. */
export type ReplyOf<E extends RequestEvent> = Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

/**
 * Registers a request handler typed by the event map: its reply must be `ReplyOf<E>`, so a reply
 * that does not match `protocol.ts` does not compile. Every request follows the same path: the
 * payload is validated with its schema, the work runs, and exactly one ack goes back — `{ok:false}`
 * with a stable code for bad input or a refused request, never an exception that escapes into
 * Socket.IO. A missing payload or extra arguments before the callback are bad input too.
 */
export function on<E extends RequestEvent, S extends z.ZodType>(
	socket: AppSocket,
	event: E,
	schema: S,
	work: (payload: z.output<S>) => ReplyOf<E> | Promise<ReplyOf<E>>
): void {
	const listener = async (...args: unknown[]): Promise<void> => {
		const last = args.at(-1);
		// Without a callback the work still runs (fire and forget), but nobody hears about it.
		const reply: AckCallback<ReplyOf<E>> = typeof last === 'function' ? (last as AckCallback<ReplyOf<E>>) : () => {};
		const payloads = typeof last === 'function' ? args.slice(0, -1) : args;
		if (payloads.length !== 1) {
			reply({ ok: false, error: fail('INVALID_PAYLOAD', `payload: expected one payload object, got ${payloads.length} arguments`) });
			return;
		}
		reply(await run(schema, payloads[0], work));
	};
	// The listener checks its `unknown` arguments itself, so it is registered through Socket.IO's
	// untyped signature; the typing that matters (payload schema, reply type) is enforced above.
	(socket as unknown as UntypedTarget).on(event, listener);
}

type UntypedTarget = { on(event: string, listener: (...args: unknown[]) => void): void };

async function run<S extends z.ZodType, R>(schema: S, payload: unknown, work: (payload: z.output<S>) => R | Promise<R>): Promise<Ack<R>> {
	const parsed = schema.safeParse(payload);
	if (!parsed.success) {
		const field = parsed.error.issues[0]?.path.join('.');
		return { ok: false, error: { ...fail('INVALID_PAYLOAD', describe(parsed.error)), ...(field ? { field } : {}) } };
	}
	try {
		return { ok: true, data: await work(parsed.data) };
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, error: { ...fail(error.code, error.message), ...error.details } };
		console.error('socket handler failed', error);
		return { ok: false, error: fail('INTERNAL', 'The server could not process this request.') };
	}
}

/** Throws the refusal a rule returned, with a message for humans. */
export function refuse(code: ErrorCode | undefined, messages: Partial<Record<ErrorCode, string>>): void {
	if (code) throw new Refusal(code, messages[code] ?? code);
}

function describe(error: z.ZodError): string {
	const first = error.issues[0];
	if (!first) return 'Invalid payload.';
	const where = first.path.length ? first.path.join('.') : 'payload';
	return `${where}: ${first.message}`;
}
