import Database from 'better-sqlite3';
import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataDir, removeDataDir, startServer } from '../support/server-process.js';
import { createSession } from '../support/workshop.js';

/** The process must refuse to start on a database file it cannot trust, and say which file. */
describe('the database file at start-up', () => {
	const dirs: string[] = [];
	afterEach(() => dirs.splice(0).forEach(removeDataDir));
	const dataDir = () => {
		const dir = makeDataDir();
		dirs.push(dir);
		return dir;
	};

	it('refuses a zero-byte file instead of starting with an empty database', async () => {
		const dir = dataDir();
		const file = join(dir, 'standort.sqlite');
		writeFileSync(file, '');
		await expect(startServer({ dataDir: dir })).rejects.toThrow(`exited with 1 before it started`);
		await expect(startServer({ dataDir: dir })).rejects.toThrow(`Standort could not start: ${file}: the database file is empty`);
		expect(statSync(file).size).toBe(0);
	});

	it('refuses a file damaged in the middle, found by quick_check before the first request', async () => {
		const dir = dataDir();
		// Enough workshops to fill several pages of the file; this test may create them all at once.
		const server = await startServer({ dataDir: dir, env: { STANDORT_NEW_WORKSHOPS_PER_ADDRESS: '1000' } });
		for (let i = 0; i < 40; i++) await createSession(server.url, { title: `Workshop ${i} ${'x'.repeat(100)}` });
		expect(await server.stop()).toBe(0);

		const file = join(dir, 'standort.sqlite');
		// A leaf page of the sessions table: nothing reads it at start, so before the check the
		// server started and failed only when a workshop there was opened.
		const db = new Database(file, { readonly: true });
		const leaf = db.prepare("SELECT pageno FROM dbstat WHERE name = 'sessions' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1").pluck().get() as number;
		db.close();
		const pageSize = readFileSync(file).readUInt16BE(16);
		const fd = openSync(file, 'r+');
		writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, pageSize * (leaf - 1));
		closeSync(fd);
		await expect(startServer({ dataDir: dir })).rejects.toThrow(new RegExp(`Standort could not start: ${file.replace(/\./g, '\\.')}: the database is damaged`));
	});
});
