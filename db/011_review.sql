-- standort:foreign-keys-off
-- Measuring again: a follow-up workshop starts with a review of the previous roadmap (`review`),
-- and the results gain the perspective-taking step (`perspective`, questionnaire 2.0). The reveal
-- CHECK grows by both, so `sessions` is rebuilt once more (see 005_outcome.sql for the method).
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
		CHECK (reveal_step IN ('review', 'hidden', 'overall', 'groups', 'gaps', 'perspective', 'agenda', 'deep-dive', 'agree', 'ideas', 'vote', 'roadmap', 'summary')),
	reveal_dimension TEXT,
	detail_min_size INTEGER NOT NULL DEFAULT 5 CHECK (detail_min_size BETWEEN 1 AND 20),
	votes_per_person INTEGER NOT NULL DEFAULT 3 CHECK (votes_per_person BETWEEN 1 AND 10),
	voting_closed INTEGER NOT NULL DEFAULT 0 CHECK (voting_closed IN (0, 1)),
	roadmap_start TEXT NOT NULL,
	owner_account_id TEXT REFERENCES accounts (id) ON DELETE SET NULL,
	client_id INTEGER REFERENCES clients (id) ON DELETE SET NULL,
	follow_up_of INTEGER REFERENCES sessions (id) ON DELETE SET NULL,
	answers_purged_at TEXT,
	figures_json TEXT
);
INSERT INTO sessions_rebuilt SELECT id, code, title, organisation, questionnaire_id, questionnaire_version, language, min_group_size,
	status, token_hash, created_at, reveal_step, reveal_dimension, detail_min_size, votes_per_person, voting_closed, roadmap_start,
	owner_account_id, client_id, follow_up_of, answers_purged_at, figures_json
FROM sessions;
DROP TABLE sessions;
ALTER TABLE sessions_rebuilt RENAME TO sessions;
CREATE INDEX sessions_by_owner ON sessions (owner_account_id);

-- At the review, phones say whether a measure the previous workshop marked done helped.
CREATE TABLE review_votes (
	participant_id TEXT NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
	measure_id TEXT NOT NULL REFERENCES measures (id) ON DELETE CASCADE,
	verdict TEXT NOT NULL CHECK (verdict IN ('yes', 'partly', 'no')),
	PRIMARY KEY (participant_id, measure_id)
) WITHOUT ROWID;
CREATE INDEX review_votes_by_measure ON review_votes (measure_id);
