import { pingPayload } from '../../src/lib/protocol.js';
import type { AppSocket } from './io.js';
import { on } from './handler.js';

/** `system:ping` lets clients and tests measure a real round trip through the handler pipeline. */
export function createSystemHandlers(deps: { now: () => number }) {
	return {
		register(socket: AppSocket) {
			on(socket, 'system:ping', pingPayload, ({ sentAt }) => ({ sentAt, serverTime: deps.now() }));
		}
	};
}
