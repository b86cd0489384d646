import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './database.js';

/** First line of a migration that rebuilds tables (see `migrate`). */
const FOREIGN_KEYS_OFF = '-- standort:foreign-keys-off';

export class MigrationError extends Error {
	constructor(
		readonly file: string,
		cause: unknown
	) {
		super(`Migration ${file} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
		this.name = 'MigrationError';
	}
}

/**
 * Applies the SQL files of `dir` in name order (`001_….sql`, `002_….sql`), each inside its own
 * transaction together with its record in `schema_migrations`, so a file is applied whole or not
 * at all. Returns the names applied by this call.
 */
export function migrate(db: Db, dir: string): string[] {
	db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
		name TEXT PRIMARY KEY,
		applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	)`);
	const done = new Set(
		db
			.prepare('SELECT name FROM schema_migrations')
			.pluck()
			.all()
			.map((n) => String(n))
	);
	const files = readdirSync(dir)
		.filter((f) => /^\d+_.+\.sql$/.test(f))
		.sort();
	const record = db.prepare('INSERT INTO schema_migrations (name) VALUES (?)');
	const applied: string[] = [];
	for (const file of files) {
		if (done.has(file)) continue;
		const sql = readFileSync(join(dir, file), 'utf8');
		// A file that rebuilds a table (SQLite cannot change a constraint in place) must run with
		// foreign keys off, or dropping the old table would cascade into its children; the keys are
		// checked again before the transaction commits. SQLite ignores this pragma inside a transaction.
		const rebuild = sql.startsWith(FOREIGN_KEYS_OFF);
		if (rebuild) db.pragma('foreign_keys = OFF');
		try {
			db.transaction(() => {
				db.exec(sql);
				if (rebuild) {
					const broken = db.pragma('foreign_key_check') as unknown[];
					if (broken.length) throw new Error(`${broken.length} rows break a foreign key: ${JSON.stringify(broken[0])}`);
				}
				record.run(file);
			})();
		} catch (error) {
			throw new MigrationError(join(dir, file), error);
		} finally {
			if (rebuild) db.pragma('foreign_keys = ON');
		}
		applied.push(file);
	}
	return applied;
}
