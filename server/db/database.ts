import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Db = Database.Database;

/** The store cannot be used as it is; the message names the file and what to do. */
export class DatabaseFileError extends Error {
	constructor(
		readonly file: string,
		problem: string,
		cause?: unknown
	) {
		super(`${file}: ${problem}. Restore it from a backup, or move it away to start with an empty database.`, { cause });
		this.name = 'DatabaseFileError';
	}
}

/**
 * Opens the embedded store. WAL lets readers run beside the single writer; `synchronous = FULL`
 * makes a committed answer survive a power cut, not only a killed process, and costs little in WAL.
 *
 * A missing file is created. An existing one must be a sound SQLite database: a zero-byte file
 * (a failed copy, a full disk) would otherwise be silently turned into a new empty database, and
 * damage in the middle of the file would only show at the first query that touches it, in the
 * middle of a workshop. `PRAGMA quick_check` reads every page once at start instead.
 */
export function openDatabase(dataDir: string, fileName = 'standort.sqlite'): Db {
	mkdirSync(dataDir, { recursive: true });
	const file = join(dataDir, fileName);
	if (existsSync(file) && statSync(file).size === 0) throw new DatabaseFileError(file, 'the database file is empty (0 bytes)');
	let db: Db | undefined;
	try {
		db = new Database(file);
		db.pragma('journal_mode = WAL');
		db.pragma('synchronous = FULL');
		db.pragma('foreign_keys = ON');
		db.pragma('busy_timeout = 5000');
		const report = quickCheck(db);
		if (report.join() !== 'ok') throw new DatabaseFileError(file, `the database is damaged (${report.slice(0, 3).join('; ')})`);
		return db;
	} catch (error) {
		db?.close();
		if (error instanceof DatabaseFileError) throw error;
		const reason = error instanceof Error ? error.message : String(error);
		throw new DatabaseFileError(file, `the database cannot be opened or read (${reason})`, error);
	}
}

/** `PRAGMA quick_check`'s findings (`['ok']` when sound); some damage makes it throw instead of report. */
function quickCheck(db: Db): string[] {
	try {
		return (db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((row) => row.quick_check);
	} catch (error) {
		return [error instanceof Error ? error.message : String(error)];
	}
}
