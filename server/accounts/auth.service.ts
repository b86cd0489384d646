import { hash, verify } from '@node-rs/argon2';
import { randomUUID } from 'node:crypto';
import type { AccountRepository, AccountRow } from '../repositories/account.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { hashSecret, newSecret } from '../sessions/secrets.js';

const DAY = 24 * 60 * 60 * 1000;
/** A signed-in browser stays signed in at most this long, and is signed out after this long unused. */
export const SESSION_ABSOLUTE_DAYS = 30;
export const SESSION_IDLE_DAYS = 7;
export const LINK_DAYS = 7;
export const PASSWORD = { min: 10, max: 200 } as const;

export class AuthError extends Error {
	constructor(
		readonly code: 'ALREADY_SET_UP' | 'INVALID_CREDENTIALS' | 'RATE_LIMITED' | 'INVITE_USED' | 'EMAIL_TAKEN' | 'FORBIDDEN',
		message: string
	) {
		super(message);
	}
}

export type SignedIn = { account: AccountRow; sessionToken: string };
export type PublicAccount = { id: string; email: string; name: string; isAdmin: boolean };
export const publicAccount = (a: AccountRow): PublicAccount => ({ id: a.id, email: a.email, name: a.name, isAdmin: a.isAdmin });

type Deps = {
	accounts: AccountRepository;
	/** Failed sign-ins per address: a guesser is slowed down, then refused while many of its tries wait. */
	byAddress: FailureLimiter;
	/** Failed sign-ins per account and address: one person cannot lock another out from elsewhere. */
	byAccountAndAddress: FailureLimiter;
	now?: () => Date;
};

/**
 * Sign-in with e-mail and password (argon2id), browser sessions behind an HttpOnly cookie (only
 * the SHA-256 of the cookie is stored; a new one at every sign-in), one-time invite and reset links.
 */
export function createAuthService({ accounts, byAddress, byAccountAndAddress, now = () => new Date() }: Deps) {
	const iso = (ms = 0) => new Date(now().getTime() + ms).toISOString();

	function startSession(account: AccountRow): SignedIn {
		const sessionToken = newSecret();
		accounts.createSession(hashSecret(sessionToken), account.id, iso(SESSION_ABSOLUTE_DAYS * DAY));
		return { account, sessionToken };
	}

	return {
		needsSetup: (): boolean => accounts.count() === 0,

		/** The first account, as admin; exactly one even when two first-run requests race. */
		async setup(input: { email: string; password: string; name: string }): Promise<SignedIn> {
			if (accounts.count() > 0) throw new AuthError('ALREADY_SET_UP', 'Standort is set up already: sign in instead.');
			const id = randomUUID();
			const passwordHash = await hash(input.password);
			if (!accounts.createFirst({ id, email: input.email, name: input.name, passwordHash }))
				throw new AuthError('ALREADY_SET_UP', 'Standort is set up already: sign in instead.');
			return startSession(accounts.byId(id)!);
		},

		async login(input: { email: string; password: string }, address: string): Promise<SignedIn> {
			const pair = `${input.email.toLowerCase()}|${address}`;
			if (byAccountAndAddress.blocked(pair) || !(await byAddress.slowDown(address)))
				throw new AuthError('RATE_LIMITED', 'Too many failed sign-ins. Wait a few minutes and try again.');
			const account = accounts.byEmail(input.email);
			// Verify against a dummy hash when the account does not exist, so the time taken does not tell.
			const ok = await verify(account?.passwordHash ?? DUMMY_HASH, input.password).catch(() => false);
			if (!account || !ok) {
				byAddress.fail(address);
				byAccountAndAddress.fail(pair);
				throw new AuthError('INVALID_CREDENTIALS', 'E-mail or password is wrong.');
			}
			return startSession(account);
		},

		/** The account behind a session cookie, if the session is still valid; renews its idle time. */
		authenticate(sessionToken: string | undefined): AccountRow | undefined {
			if (!sessionToken) return undefined;
			const idHash = hashSecret(sessionToken);
			const session = accounts.session(idHash);
			if (!session) return undefined;
			const t = now().getTime();
			if (Date.parse(session.expiresAt) <= t || t - Date.parse(session.lastSeenAt) > SESSION_IDLE_DAYS * DAY) {
				accounts.deleteSession(idHash);
				return undefined;
			}
			// One write a minute at most per browser, not one per request.
			if (t - Date.parse(session.lastSeenAt) > 60_000) accounts.touchSession(idHash, iso());
			return accounts.byId(session.accountId);
		},

		logout(sessionToken: string | undefined): void {
			if (sessionToken) accounts.deleteSession(hashSecret(sessionToken));
		},
		logoutEverywhere(accountId: string): void {
			accounts.deleteSessionsOf(accountId);
		},

		/** A one-time link: an invitation (admin) or a password reset for `accountId`. Returns its token. */
		createLink(kind: 'invite' | 'reset', createdBy: string | null, accountId: string | null = null): string {
			const token = newSecret();
			accounts.createLink({ tokenHash: hashSecret(token), kind, accountId, createdBy, expiresAt: iso(LINK_DAYS * DAY) });
			return token;
		},

		async acceptInvite(input: { token: string; email: string; password: string; name: string }): Promise<SignedIn> {
			if (accounts.byEmail(input.email)) throw new AuthError('EMAIL_TAKEN', 'An account with this e-mail exists already.');
			const passwordHash = await hash(input.password);
			if (!accounts.useLink(hashSecret(input.token), 'invite', iso())) throw new AuthError('INVITE_USED', 'This invitation was used already or has expired.');
			const id = randomUUID();
			accounts.create({ id, email: input.email, name: input.name, passwordHash, isAdmin: false });
			return startSession(accounts.byId(id)!);
		},

		/** Sets a new password through a reset link; every other browser of the account is signed out. */
		async resetPassword(input: { token: string; password: string }): Promise<SignedIn> {
			const passwordHash = await hash(input.password);
			const link = accounts.useLink(hashSecret(input.token), 'reset', iso());
			if (!link?.accountId) throw new AuthError('INVITE_USED', 'This link was used already or has expired.');
			accounts.setPassword(link.accountId, passwordHash);
			accounts.deleteSessionsOf(link.accountId);
			return startSession(accounts.byId(link.accountId)!);
		}
	};
}
export type AuthService = ReturnType<typeof createAuthService>;

/** An argon2id hash of a random password nobody knows: verifying against it costs as much as a real one. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$yWh4K7rhwILRmtTEvZ4aJw$4w4hTi83YmCEJcN+QDS1gfpKuZjx41ug/VqF4l8Isdc';
