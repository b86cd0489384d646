import { pingPayload } from '../../src/lib/protocol.js';
import type { AppSocket } from './io.js';
import { handle } from './handler.js';

/** `system:ping` lets clients and tests measure a real round trip through the handler pipeline. */
export function createSystemHandlers(deps: { now: () => number }) {
	return {
		register(socket: AppSocket) {
			socket.on(
				'system:ping',
				handle(pingPayload, ({ sentAt }) => ({ sentAt, serverTime: deps.now() }))
			);
		}
	};
}
