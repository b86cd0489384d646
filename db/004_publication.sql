-- Results are computed from a published copy of the answers, taken when the facilitator starts the
-- reveal, never from the live answers (see src/lib/core/publication.ts). An answer row remembers
-- the option it had when its group was last published; `published = 0` means it is newer than that.
ALTER TABLE answers ADD COLUMN published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1));
ALTER TABLE answers ADD COLUMN published_option_id TEXT;

-- Workshops revealed before this change showed every committed answer: that is their published copy.
UPDATE answers SET published = 1, published_option_id = option_id
WHERE participant_id IN (
	SELECT p.id FROM participants p JOIN sessions s ON s.id = p.session_id WHERE s.reveal_step <> 'hidden'
);

-- How many people the facilitator expects per group; more joiners hold the group's figures until
-- the facilitator confirms the count (`confirmed_joined`).
ALTER TABLE session_groups ADD COLUMN expected INTEGER CHECK (expected IS NULL OR expected BETWEEN 1 AND 10000);
ALTER TABLE session_groups ADD COLUMN confirmed_joined INTEGER NOT NULL DEFAULT 0;

-- People a group needs before its spread and per-question distributions are shown.
ALTER TABLE sessions ADD COLUMN detail_min_size INTEGER NOT NULL DEFAULT 5 CHECK (detail_min_size BETWEEN 1 AND 20);
UPDATE sessions SET detail_min_size = MAX(5, min_group_size);
