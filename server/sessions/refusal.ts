import type { ErrorCode, ProtocolError } from '../../src/lib/protocol.js';

/**
 * A request refused for a reason the client can act on: it becomes an `{ok:false}` ack with a
 * stable code. Services throw it; the socket layer turns it into the ack. `field` names the input
 * at fault; `current` carries the state that won a version conflict, so no screen loses an update
 * without knowing.
 */
export class Refusal extends Error {
	constructor(
		readonly code: ErrorCode,
		message: string,
		readonly details: Pick<ProtocolError, 'field' | 'current'> = {}
	) {
		super(message);
		this.name = 'Refusal';
	}
}
