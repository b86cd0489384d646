-- Live workshop sessions. A session is identified publicly by its join code; whoever holds the
-- facilitator token controls it, and only the token's SHA-256 hash is stored.
CREATE TABLE sessions (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL UNIQUE,
	title TEXT NOT NULL,
	organisation TEXT,
	questionnaire_id TEXT NOT NULL,
	questionnaire_version TEXT NOT NULL,
	language TEXT NOT NULL CHECK (language IN ('de', 'en')),
	min_group_size INTEGER NOT NULL CHECK (min_group_size BETWEEN 1 AND 10),
	status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'locked', 'closed')),
	token_hash TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE session_groups (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	group_id TEXT NOT NULL,
	position INTEGER NOT NULL,
	label_de TEXT NOT NULL,
	label_en TEXT NOT NULL,
	-- What the group stands for when perceptions are compared (leadership vs. team).
	role TEXT NOT NULL CHECK (role IN ('leadership', 'team', 'other')),
	PRIMARY KEY (session_id, group_id)
);

CREATE TABLE participants (
	id TEXT PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	group_id TEXT NOT NULL,
	resume_hash TEXT NOT NULL UNIQUE,
	joined_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	FOREIGN KEY (session_id, group_id) REFERENCES session_groups (session_id, group_id)
);
CREATE INDEX participants_by_session ON participants (session_id, group_id);

-- One row per person and question: a repeated or changed answer updates it (the last one wins).
CREATE TABLE answers (
	participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	question_id TEXT NOT NULL,
	option_id TEXT, -- NULL means "don't know"
	answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	PRIMARY KEY (participant_id, question_id)
) WITHOUT ROWID;
