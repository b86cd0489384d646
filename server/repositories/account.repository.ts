import type { Db } from '../db/database.js';

export type AccountRow = { id: string; email: string; name: string; passwordHash: string; isAdmin: boolean; createdAt: string };
export type AuthSessionRow = { accountId: string; createdAt: string; lastSeenAt: string; expiresAt: string };
export type LinkRow = { kind: 'invite' | 'reset'; accountId: string | null; expiresAt: string; usedAt: string | null };
export type ClientRow = { id: number; accountId: string; name: string; retentionDays: number | null };
export type WorkshopListRow = {
	id: number;
	code: string;
	title: string;
	client: string | null;
	clientId: number | null;
	createdAt: string;
	status: 'open' | 'locked' | 'closed';
	revealStep: string;
	role: 'owner' | 'co-facilitator';
};

const ACCOUNT = `id, email, name, password_hash AS passwordHash, is_admin AS isAdmin, created_at AS createdAt`;
type StoredAccount = Omit<AccountRow, 'isAdmin'> & { isAdmin: 0 | 1 };
const account = (row: StoredAccount | undefined): AccountRow | undefined => row && { ...row, isAdmin: row.isAdmin === 1 };

/** Accounts, sign-in sessions, one-time links, clients and who may see which workshop. The only SQL about them. */
export function createAccountRepository(db: Db) {
	const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM accounts');
	// The first-run account: inserted only while no account exists, so two racing requests make one admin.
	const insertFirst = db.prepare(`INSERT INTO accounts (id, email, name, password_hash, is_admin)
		SELECT @id, @email, @name, @passwordHash, 1 WHERE NOT EXISTS (SELECT 1 FROM accounts)`);
	const insert = db.prepare('INSERT INTO accounts (id, email, name, password_hash, is_admin) VALUES (@id, @email, @name, @passwordHash, @isAdmin)');
	const byEmail = db.prepare<[string], StoredAccount>(`SELECT ${ACCOUNT} FROM accounts WHERE email = ?`);
	const byId = db.prepare<[string], StoredAccount>(`SELECT ${ACCOUNT} FROM accounts WHERE id = ?`);
	const setPassword = db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?');

	const insertSession = db.prepare('INSERT INTO auth_sessions (id_hash, account_id, expires_at) VALUES (?, ?, ?)');
	const sessionByHash = db.prepare<[string], AuthSessionRow>(`SELECT account_id AS accountId, created_at AS createdAt, last_seen_at AS lastSeenAt,
		expires_at AS expiresAt FROM auth_sessions WHERE id_hash = ?`);
	const touchSession = db.prepare('UPDATE auth_sessions SET last_seen_at = ? WHERE id_hash = ?');
	const deleteSession = db.prepare('DELETE FROM auth_sessions WHERE id_hash = ?');
	const deleteSessionsOf = db.prepare('DELETE FROM auth_sessions WHERE account_id = ?');
	const deleteExpiredSessions = db.prepare('DELETE FROM auth_sessions WHERE expires_at < ?');

	const insertLink = db.prepare('INSERT INTO account_links (token_hash, kind, account_id, created_by, expires_at) VALUES (?, ?, ?, ?, ?)');
	const useLink = db.prepare('UPDATE account_links SET used_at = ? WHERE token_hash = ? AND kind = ? AND used_at IS NULL AND expires_at > ?');
	const linkByHash = db.prepare<[string], LinkRow>(`SELECT kind, account_id AS accountId, expires_at AS expiresAt, used_at AS usedAt FROM account_links WHERE token_hash = ?`);

	const clientByName = db.prepare<[string, string], ClientRow>('SELECT id, account_id AS accountId, name, retention_days AS retentionDays FROM clients WHERE account_id = ? AND name = ?');
	const clientById = db.prepare<[number], ClientRow>('SELECT id, account_id AS accountId, name, retention_days AS retentionDays FROM clients WHERE id = ?');
	const clientsOf = db.prepare<[string], ClientRow>('SELECT id, account_id AS accountId, name, retention_days AS retentionDays FROM clients WHERE account_id = ? ORDER BY name');
	const insertClient = db.prepare('INSERT INTO clients (account_id, name) VALUES (?, ?)');
	const setRetention = db.prepare('UPDATE clients SET retention_days = ? WHERE id = ?');

	const share = db.prepare('INSERT OR IGNORE INTO session_shares (session_id, account_id) VALUES (?, ?)');
	const shared = db.prepare<[number, string], { n: number }>('SELECT count(*) AS n FROM session_shares WHERE session_id = ? AND account_id = ?');
	const workshopsOf = db.prepare<{ account: string }, WorkshopListRow>(`SELECT s.id, s.code, s.title, c.name AS client, s.client_id AS clientId,
		s.created_at AS createdAt, s.status, s.reveal_step AS revealStep,
		CASE WHEN s.owner_account_id = @account THEN 'owner' ELSE 'co-facilitator' END AS role
		FROM sessions s LEFT JOIN clients c ON c.id = s.client_id
		WHERE s.owner_account_id = @account OR s.id IN (SELECT session_id FROM session_shares WHERE account_id = @account)
		ORDER BY s.created_at DESC, s.id DESC`);
	const setOwner = db.prepare('UPDATE sessions SET owner_account_id = ? WHERE id = ? AND owner_account_id IS NULL');

	return {
		count: (): number => count.get()?.n ?? 0,
		/** Creates the first account, as admin; false when an account exists already. */
		createFirst: (a: { id: string; email: string; name: string; passwordHash: string }): boolean => insertFirst.run(a).changes === 1,
		create(a: { id: string; email: string; name: string; passwordHash: string; isAdmin: boolean }): void {
			insert.run({ ...a, isAdmin: a.isAdmin ? 1 : 0 });
		},
		byEmail: (email: string): AccountRow | undefined => account(byEmail.get(email)),
		byId: (id: string): AccountRow | undefined => account(byId.get(id)),
		setPassword(id: string, passwordHash: string): void {
			setPassword.run(passwordHash, id);
		},

		createSession(idHash: string, accountId: string, expiresAt: string): void {
			insertSession.run(idHash, accountId, expiresAt);
		},
		session: (idHash: string): AuthSessionRow | undefined => sessionByHash.get(idHash),
		touchSession(idHash: string, at: string): void {
			touchSession.run(at, idHash);
		},
		deleteSession(idHash: string): void {
			deleteSession.run(idHash);
		},
		deleteSessionsOf(accountId: string): void {
			deleteSessionsOf.run(accountId);
		},
		deleteExpiredSessions(now: string): number {
			return deleteExpiredSessions.run(now).changes;
		},

		createLink(l: { tokenHash: string; kind: 'invite' | 'reset'; accountId: string | null; createdBy: string | null; expiresAt: string }): void {
			insertLink.run(l.tokenHash, l.kind, l.accountId, l.createdBy, l.expiresAt);
		},
		/** Marks a link used if it is unused and unexpired; returns it then, else undefined. */
		useLink(tokenHash: string, kind: 'invite' | 'reset', now: string): LinkRow | undefined {
			return useLink.run(now, tokenHash, kind, now).changes === 1 ? linkByHash.get(tokenHash) : undefined;
		},

		client: (id: number): ClientRow | undefined => clientById.get(id),
		clients: (accountId: string): ClientRow[] => clientsOf.all(accountId),
		/** The account's client of that name, created on first use. */
		clientNamed(accountId: string, name: string): ClientRow {
			const existing = clientByName.get(accountId, name);
			if (existing) return existing;
			insertClient.run(accountId, name);
			return clientByName.get(accountId, name)!;
		},
		setRetention(clientId: number, days: number | null): void {
			setRetention.run(days, clientId);
		},

		share(sessionId: number, accountId: string): void {
			share.run(sessionId, accountId);
		},
		isSharedWith: (sessionId: number, accountId: string): boolean => (shared.get(sessionId, accountId)?.n ?? 0) > 0,
		workshopsOf: (accountId: string): WorkshopListRow[] => workshopsOf.all({ account: accountId }),
		/** Claims a workshop that has no owner yet; false when it has one. */
		claim: (sessionId: number, accountId: string): boolean => setOwner.run(accountId, sessionId).changes === 1
	};
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
