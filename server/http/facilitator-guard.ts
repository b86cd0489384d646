import type { RequestHandler, Response } from 'express';
import { joinCode } from '../../src/lib/protocol.js';
import type { SessionRow } from '../repositories/session.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import type { SessionService } from '../sessions/session.service.js';
import { sendError } from './errors.js';

/**
 * The check every `/sessions/:code…` route shares: which workshop the code names. Unknown codes
 * count against the client's address, so codes cannot be guessed through any router that uses it.
 * Whether the caller controls the workshop is `controlsWorkshop` (workshop-access.ts).
 */
type Located = { session: SessionRow };

/** The workshop `sessionLookup` found for this request. */
export const locatedSession = (res: Response): SessionRow => (res.locals as Located).session;

/** Looks a code up; unknown codes count against the client's address like wrong joins do. */
export function sessionLookup({ service, limiter }: { service: Pick<SessionService, 'find'>; limiter: FailureLimiter }): RequestHandler {
	return async (req, res, next) => {
		// Another router already looked this request's code up: once is enough (and counts once).
		if ((res.locals as Partial<Located>).session) return next();
		const ip = req.ip ?? 'unknown';
		// After many wrong codes an address is slowed down, never refused a right code.
		if (!(await limiter.slowDown(ip))) return sendError(res, 429, 'RATE_LIMITED', 'Too many wrong codes. Wait a minute and try again.');
		const code = joinCode.safeParse(req.params.code);
		const row = code.success ? service.find(code.data) : undefined;
		if (!row) {
			limiter.fail(ip);
			return sendError(res, 404, 'NOT_FOUND', `There is no workshop with the code ${req.params.code}.`);
		}
		(res.locals as Located).session = row;
		next();
	};
}
