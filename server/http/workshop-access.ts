import type { RequestHandler, Response } from 'express';
import { workshopAccess, type WorkshopAccess } from '../accounts/access.js';
import type { AccountRepository } from '../repositories/account.repository.js';
import type { SessionRow } from '../repositories/session.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { secretMatches } from '../sessions/secrets.js';
import { accountOf } from './account-context.js';
import { sendError } from './errors.js';
import { locatedSession } from './facilitator-guard.js';

type Located = { session: SessionRow; access?: WorkshopAccess };
/** The workshop `sessionLookup` located for this request. */
export const sessionOf = locatedSession;
export const accessOf = (res: Response): WorkshopAccess | undefined => (res.locals as Located).access;

/**
 * Routes for whoever controls the workshop: the owner's or a co-facilitator's signed-in account,
 * or the facilitator token (`Authorization: Bearer …`). A wrong token counts against the address.
 * Another signed-in account is told 404, like an unknown code, so it cannot learn which codes exist.
 */
export function controlsWorkshop(deps: { accounts: AccountRepository; limiter: FailureLimiter }): RequestHandler {
	return (req, res, next) => {
		const row = sessionOf(res);
		const account = accountOf(res);
		const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
		const access = workshopAccess({
			ownerAccountId: row.ownerAccountId,
			accountId: account?.id,
			sharedWithAccount: account ? deps.accounts.isSharedWith(row.id, account.id) : false,
			tokenValid: token !== undefined && secretMatches(token, row.tokenHash)
		});
		if (access) {
			(res.locals as Located).access = access;
			return next();
		}
		if (token) deps.limiter.fail(req.ip ?? 'unknown');
		if (account && !token) return sendError(res, 404, 'NOT_FOUND', `There is no workshop with the code ${row.code}.`);
		sendError(res, 401, 'UNAUTHORIZED', 'Sign in as its facilitator, or send the facilitator token as "Authorization: Bearer <token>".');
	};
}
