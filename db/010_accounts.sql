-- Facilitator accounts, their sign-in sessions, invitations and password resets, their clients,
-- and which workshops belong to whom.

CREATE TABLE accounts (
	id TEXT PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	name TEXT NOT NULL,
	-- argon2id (PHC string); never the password.
	password_hash TEXT NOT NULL,
	is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- A signed-in browser. Only the SHA-256 of the cookie's value is stored.
CREATE TABLE auth_sessions (
	id_hash TEXT PRIMARY KEY,
	account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	last_seen_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	expires_at TEXT NOT NULL
);
CREATE INDEX auth_sessions_by_account ON auth_sessions (account_id);

-- One-time links: an invitation for a new facilitator, or a password reset for an existing one.
CREATE TABLE account_links (
	token_hash TEXT PRIMARY KEY,
	kind TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
	account_id TEXT REFERENCES accounts (id) ON DELETE CASCADE,
	created_by TEXT REFERENCES accounts (id) ON DELETE SET NULL,
	expires_at TEXT NOT NULL,
	used_at TEXT,
	CHECK (kind = 'invite' OR account_id IS NOT NULL)
);

-- The organisations a facilitator runs workshops for.
CREATE TABLE clients (
	id INTEGER PRIMARY KEY,
	account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	name TEXT NOT NULL,
	-- Raw answers of this client's workshops are deleted after this many days (figures kept); NULL keeps them.
	retention_days INTEGER CHECK (retention_days IS NULL OR retention_days BETWEEN 1 AND 3650),
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	UNIQUE (account_id, name)
);

ALTER TABLE sessions ADD COLUMN owner_account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL;
-- A follow-up measurement names the workshop it measures again.
ALTER TABLE sessions ADD COLUMN follow_up_of INTEGER REFERENCES sessions (id) ON DELETE SET NULL;
-- When a client's retention removed the raw answers: the published figures stay, as JSON.
ALTER TABLE sessions ADD COLUMN answers_purged_at TEXT;
ALTER TABLE sessions ADD COLUMN figures_json TEXT;
CREATE INDEX sessions_by_owner ON sessions (owner_account_id);

-- Co-facilitators: accounts a workshop was shared with.
CREATE TABLE session_shares (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
	PRIMARY KEY (session_id, account_id)
);
