import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/**
 * Opens the embedded store. WAL lets readers run beside the single writer; `synchronous = FULL`
 * makes a committed answer survive a power cut, not only a killed process, and costs little in WAL.
 */
export function openDatabase(dataDir: string, fileName = 'standort.sqlite'): Db {
	mkdirSync(dataDir, { recursive: true });
	const db = new Database(join(dataDir, fileName));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = FULL');
	db.pragma('foreign_keys = ON');
	db.pragma('busy_timeout = 5000');
	return db;
}
