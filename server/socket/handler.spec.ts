import { describe, expect, it } from 'vitest';
import { answerSubmitPayload, pingPayload } from '../../src/lib/protocol.js';
import { on, type ReplyOf } from './handler.js';
import type { AppSocket } from './io.js';

/**
 * Compile-time checks, run by `npm run check` (tsc over this file): a handler's reply is typed by
 * the event map, so a reply that does not match `protocol.ts` does not compile. Nothing here
 * registers a handler at run time.
 */
describe('handlers are typed by the event map', () => {
	it('accepts the reply protocol.ts names and refuses others', () => {
		const register = (socket: AppSocket) => {
			on(socket, 'system:ping', pingPayload, ({ sentAt }) => ({ sentAt, serverTime: 1 }));
			// @ts-expect-error questionId must be a string
			on(socket, 'answer:submit', answerSubmitPayload, () => ({ questionId: 42, optionId: null }));
			// @ts-expect-error a reply missing a field
			on(socket, 'system:ping', pingPayload, () => ({ sentAt: 1 }));
		};
		const reply: ReplyOf<'answer:submit'> = { questionId: 'q', optionId: null };
		expect(typeof register).toBe('function');
		expect(reply.questionId).toBe('q');
	});
});
