import { Router, type Response } from 'express';
import type { z } from 'zod';
import { acceptInviteBody, loginBody, resetLinkBody, resetPasswordBody, setupBody } from '../../src/lib/protocol.js';
import { AuthError, publicAccount, SESSION_ABSOLUTE_DAYS, type AuthService, type SignedIn } from '../accounts/auth.service.js';
import type { AccountRepository } from '../repositories/account.repository.js';
import { accountOf, adminOnly, clearSessionCookie, sessionTokenOf, setSessionCookie, signedIn } from './account-context.js';
import { sendError } from './errors.js';
import { publicOrigin } from './public-origin.js';

type Deps = { auth: AuthService; accounts: AccountRepository; publicUrl?: string };
const STATUS: Record<AuthError['code'], number> = { ALREADY_SET_UP: 409, INVALID_CREDENTIALS: 401, RATE_LIMITED: 429, INVITE_USED: 410, EMAIL_TAKEN: 409, FORBIDDEN: 403 };

/** Sign-in, first run, invitations and password resets: `/api/auth/*`, `/api/invites`, `/api/accounts/*`. */
export function createAuthRouter({ auth, accounts, publicUrl }: Deps): Router {
	const router = Router();
	const parse = <S extends z.ZodType>(schema: S, body: unknown, res: Response): z.output<S> | undefined => {
		const parsed = schema.safeParse(body ?? {});
		if (parsed.success) return parsed.data;
		const issue = parsed.error.issues[0];
		sendError(res, 400, 'INVALID_PAYLOAD', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
		return undefined;
	};
	/** Runs an auth step; on success the browser gets a new session cookie (rotated at every sign-in). */
	const signIn = async (res: Response, status: number, step: () => Promise<SignedIn>) => {
		try {
			const { account, sessionToken } = await step();
			setSessionCookie(res.req, res, sessionToken, SESSION_ABSOLUTE_DAYS * 24 * 60 * 60 * 1000);
			res.status(status).json({ account: publicAccount(account) });
		} catch (error) {
			if (!(error instanceof AuthError)) throw error;
			sendError(res, STATUS[error.code], error.code, error.message);
		}
	};

	router.get('/auth/me', (_req, res) => {
		const account = accountOf(res);
		if (!account) return sendError(res, 401, 'UNAUTHORIZED', 'Not signed in.', { needsSetup: auth.needsSetup() });
		res.json({ account: publicAccount(account) });
	});
	router.post('/auth/setup', async (req, res) => {
		const body = parse(setupBody, req.body, res);
		if (body) await signIn(res, 201, () => auth.setup(body));
	});
	router.post('/auth/login', async (req, res) => {
		const body = parse(loginBody, req.body, res);
		if (body) await signIn(res, 200, () => auth.login(body, req.ip ?? 'unknown'));
	});
	router.post('/auth/logout', (_req, res) => {
		auth.logout(sessionTokenOf(res));
		clearSessionCookie(res);
		res.status(204).end();
	});
	router.post('/auth/logout-everywhere', signedIn, (_req, res) => {
		auth.logoutEverywhere(accountOf(res)!.id);
		clearSessionCookie(res);
		res.status(204).end();
	});
	router.post('/invites', adminOnly, (req, res) => {
		const token = auth.createLink('invite', accountOf(res)!.id);
		res.status(201).json({ token, url: `${publicOrigin(req, publicUrl)}/invite#token=${token}` });
	});
	router.post('/auth/accept-invite', async (req, res) => {
		const body = parse(acceptInviteBody, req.body, res);
		if (body) await signIn(res, 201, () => auth.acceptInvite(body));
	});
	router.post('/accounts/reset-link', adminOnly, (req, res) => {
		const body = parse(resetLinkBody, req.body, res);
		if (!body) return;
		const account = accounts.byEmail(body.email);
		if (!account) return sendError(res, 404, 'NOT_FOUND', 'There is no account with this e-mail.');
		const token = auth.createLink('reset', accountOf(res)!.id, account.id);
		res.status(201).json({ token, url: `${publicOrigin(req, publicUrl)}/reset#token=${token}` });
	});
	router.post('/auth/reset', async (req, res) => {
		const body = parse(resetPasswordBody, req.body, res);
		if (body) await signIn(res, 200, () => auth.resetPassword(body));
	});
	return router;
}
