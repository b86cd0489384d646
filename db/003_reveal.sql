-- Where the facilitator is in the reveal sequence, so a reload or a restart resumes there and
-- late phones see the same step as the room.
ALTER TABLE sessions ADD COLUMN reveal_step TEXT NOT NULL DEFAULT 'hidden'
	CHECK (reveal_step IN ('hidden', 'overall', 'groups', 'gaps', 'agenda', 'deep-dive'));
ALTER TABLE sessions ADD COLUMN reveal_dimension TEXT;
