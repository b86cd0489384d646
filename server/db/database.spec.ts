import Database from 'better-sqlite3';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseFileError, openDatabase } from './database.js';

const dirs: string[] = [];
const freshDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'standort-db-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real database with enough rows to fill several pages, closed cleanly (WAL checkpointed). */
function databaseWithData(dir: string): string {
	const file = join(dir, 'standort.sqlite');
	const db = new Database(file);
	db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT); CREATE INDEX t_body ON t (body);');
	const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
	db.transaction(() => {
		for (let i = 0; i < 2000; i++) insert.run(`row ${i} ${'x'.repeat(100)}`);
	})();
	db.close();
	return file;
}

describe('openDatabase', () => {
	it('creates a missing file, as on a first start', () => {
		const dir = freshDir();
		const db = openDatabase(dir);
		expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
		db.close();
	});

	it('opens a sound existing file', () => {
		const dir = freshDir();
		databaseWithData(dir);
		const db = openDatabase(dir);
		expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(2000);
		db.close();
	});

	it('refuses a zero-byte file instead of starting empty, naming the file', () => {
		const dir = freshDir();
		const file = join(dir, 'standort.sqlite');
		writeFileSync(file, '');
		expect(() => openDatabase(dir)).toThrow(DatabaseFileError);
		expect(() => openDatabase(dir)).toThrow(`${file}: the database file is empty`);
		expect(readFileSync(file).length).toBe(0); // left as it was, for the operator to look at
	});

	it('refuses a file that is not a database', () => {
		const dir = freshDir();
		writeFileSync(join(dir, 'standort.sqlite'), 'these are not the pages you are looking for'.repeat(200));
		expect(() => openDatabase(dir)).toThrow(/standort\.sqlite: the database cannot be opened or read \(file is not a database\)/);
	});

	it('refuses a file damaged in the middle, found by quick_check at start', () => {
		const dir = freshDir();
		const file = databaseWithData(dir);
		const pageSize = readFileSync(file).readUInt16BE(16);
		// Overwrite the third and fourth pages (table and index b-tree pages) with garbage.
		const fd = openSync(file, 'r+');
		writeSync(fd, Buffer.alloc(pageSize * 2, 0x5a), 0, pageSize * 2, pageSize * 2);
		closeSync(fd);
		expect(() => openDatabase(dir)).toThrow(`${file}: the database is damaged (`);
	});
});
