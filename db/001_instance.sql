-- One row that identifies this installation. It is written once, on the first start, and lets
-- health checks and tests see that the data directory outlived a restart.
CREATE TABLE instance (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	instance_id TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
