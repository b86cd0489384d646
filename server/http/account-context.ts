import type { Request, RequestHandler, Response } from 'express';
import type { AccountRow } from '../repositories/account.repository.js';
import type { AuthService } from '../accounts/auth.service.js';
import { csrfRefusal } from '../accounts/access.js';
import { readCookie, SESSION_COOKIE } from './cookies.js';
import { sendError } from './errors.js';

type Locals = { account?: AccountRow; sessionToken?: string };
export const accountOf = (res: Response): AccountRow | undefined => (res.locals as Locals).account;
export const sessionTokenOf = (res: Response): string | undefined => (res.locals as Locals).sessionToken;

/** Reads the session cookie; the signed-in account (if any) is then `accountOf(res)`. */
export function authenticate(auth: AuthService): RequestHandler {
	return (req, res, next) => {
		const token = readCookie(req.headers.cookie, SESSION_COOKIE);
		const account = auth.authenticate(token);
		if (account) Object.assign(res.locals as Locals, { account, sessionToken: token });
		next();
	};
}

/** Cookie-authenticated changes only from this site's own pages (see `csrfRefusal`). */
export function sameOriginOnly(publicUrl: string | undefined): RequestHandler {
	return (req, res, next) => {
		const own = [`${req.protocol}://${req.get('host') ?? ''}`, ...(publicUrl ? [new URL(publicUrl).origin] : [])];
		const refusal = csrfRefusal({
			method: req.method,
			origin: req.get('origin'),
			ownOrigins: own,
			secFetchSite: req.get('sec-fetch-site'),
			cookieAuth: readCookie(req.headers.cookie, SESSION_COOKIE) !== undefined
		});
		if (refusal) return sendError(res, 403, 'FORBIDDEN', `Refused: ${refusal}.`);
		next();
	};
}

export function setSessionCookie(req: Request, res: Response, token: string, maxAgeMs: number): void {
	res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: maxAgeMs });
}
export function clearSessionCookie(res: Response): void {
	res.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** 401 unless a facilitator is signed in. */
export const signedIn: RequestHandler = (_req, res, next) => (accountOf(res) ? next() : sendError(res, 401, 'UNAUTHORIZED', 'Sign in first.'));
export const adminOnly: RequestHandler = (_req, res, next) =>
	accountOf(res)?.isAdmin ? next() : sendError(res, accountOf(res) ? 403 : 401, accountOf(res) ? 'FORBIDDEN' : 'UNAUTHORIZED', 'Only an admin can do this.');
