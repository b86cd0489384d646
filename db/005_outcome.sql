-- standort:foreign-keys-off
-- The workshop's outcome: agreed levels, ideas, dot votes and the 12-month roadmap.
--
-- The reveal steps grow by the outcome steps (agree … summary). SQLite cannot change a CHECK
-- constraint in place, so `sessions` is rebuilt as https://sqlite.org/lang_altertable.html#otheralter
-- describes (foreign keys off around this file, checked before it commits; see server/db/migrate.ts).
CREATE TABLE sessions_rebuilt (
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
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	reveal_step TEXT NOT NULL DEFAULT 'hidden'
		CHECK (reveal_step IN ('hidden', 'overall', 'groups', 'gaps', 'agenda', 'deep-dive', 'agree', 'ideas', 'vote', 'roadmap', 'summary')),
	reveal_dimension TEXT,
	detail_min_size INTEGER NOT NULL DEFAULT 5 CHECK (detail_min_size BETWEEN 1 AND 20),
	-- Dots each person may place in the vote.
	votes_per_person INTEGER NOT NULL DEFAULT 3 CHECK (votes_per_person BETWEEN 1 AND 10),
	-- Voting ended: totals are shown, phones can no longer vote.
	voting_closed INTEGER NOT NULL DEFAULT 0 CHECK (voting_closed IN (0, 1)),
	-- The roadmap's first month (YYYY-MM): the month after the workshop.
	roadmap_start TEXT NOT NULL
);
INSERT INTO sessions_rebuilt (id, code, title, organisation, questionnaire_id, questionnaire_version, language,
	min_group_size, status, token_hash, created_at, reveal_step, reveal_dimension, detail_min_size, roadmap_start)
SELECT id, code, title, organisation, questionnaire_id, questionnaire_version, language,
	min_group_size, status, token_hash, created_at, reveal_step, reveal_dimension, detail_min_size,
	strftime('%Y-%m', created_at, 'start of month', '+1 month')
FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_rebuilt RENAME TO sessions;

-- How many ideas each person proposed: enough to cap them, and nothing links an idea to its author.
ALTER TABLE participants ADD COLUMN ideas_proposed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE agreements (
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	dimension_id TEXT NOT NULL,
	current_level INTEGER CHECK (current_level BETWEEN 1 AND 3),
	target_level INTEGER CHECK (target_level BETWEEN 1 AND 3),
	note TEXT NOT NULL DEFAULT '',
	version INTEGER NOT NULL DEFAULT 1,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	PRIMARY KEY (session_id, dimension_id),
	CHECK (current_level IS NULL OR target_level IS NULL OR target_level >= current_level)
);

CREATE TABLE ideas (
	id TEXT PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	-- Proposal order on the wall; ties in the vote keep it.
	seq INTEGER NOT NULL,
	text TEXT NOT NULL,
	dimension_id TEXT,
	hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
	merged_into TEXT REFERENCES ideas (id) ON DELETE SET NULL,
	source TEXT NOT NULL CHECK (source IN ('participant', 'facilitator', 'suggestion')),
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX ideas_by_session ON ideas (session_id, seq);

-- One row per person and idea they put dots on; a person's whole selection is replaced at once.
CREATE TABLE votes (
	participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	idea_id TEXT NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
	dots INTEGER NOT NULL CHECK (dots BETWEEN 1 AND 10),
	PRIMARY KEY (participant_id, idea_id)
) WITHOUT ROWID;
CREATE INDEX votes_by_idea ON votes (idea_id);

CREATE TABLE measures (
	id TEXT PRIMARY KEY,
	session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
	seq INTEGER NOT NULL,
	title TEXT NOT NULL,
	dimension_id TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('quick-win', 'project')),
	start_month INTEGER NOT NULL CHECK (start_month BETWEEN 1 AND 12),
	end_month INTEGER NOT NULL CHECK (end_month BETWEEN 1 AND 12),
	owner TEXT NOT NULL DEFAULT '',
	metric TEXT NOT NULL DEFAULT '',
	effort TEXT CHECK (effort IN ('S', 'M', 'L')),
	impact TEXT CHECK (impact IN ('S', 'M', 'L')),
	status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
	idea_id TEXT REFERENCES ideas (id) ON DELETE SET NULL,
	version INTEGER NOT NULL DEFAULT 1,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK (end_month >= start_month),
	CHECK (kind = 'project' OR end_month <= 3)
);
CREATE INDEX measures_by_session ON measures (session_id, seq);
