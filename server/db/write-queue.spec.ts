import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { createWriteQueue } from './write-queue.js';

describe('the write queue (group commit)', () => {
	let db: Db;
	let dir = '';
	afterEach(() => {
		db?.close();
		rmSync(dir, { recursive: true, force: true });
	});
	const setup = () => {
		dir = mkdtempSync(join(tmpdir(), 'standort-queue-'));
		db = openDatabase(dir);
		db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
		return createWriteQueue(db);
	};

	it('commits a burst in one transaction, returns each result and runs `committed` before the promise resolves', async () => {
		const queue = setup();
		const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
		const seen: string[] = [];
		const results = await Promise.all(
			['a', 'b', 'c'].map((k, i) =>
				queue.write({
					apply: () => {
						insert.run(k, i);
						// Inside one transaction: the others of the burst are not committed yet, but visible to it.
						return db.inTransaction;
					},
					committed: (inside) => seen.push(`${k}:${inside}`)
				})
			)
		);
		expect(results).toEqual([true, true, true]);
		expect(seen).toEqual(['a:true', 'b:true', 'c:true']);
		expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
	});

	it('a failing write fails alone; the others of its burst are stored', async () => {
		const queue = setup();
		const insert = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
		const outcomes = await Promise.allSettled([
			queue.write({ apply: () => insert.run('x', 1) }),
			queue.write({ apply: () => insert.run('x', 2) }), // primary key taken: fails
			queue.write({ apply: () => insert.run('y', 3) })
		]);
		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(db.prepare('SELECT k, v FROM t ORDER BY k').all()).toEqual([
			{ k: 'x', v: 1 },
			{ k: 'y', v: 3 }
		]);
	});

	it('flush commits what is queued at once, in the same tick', () => {
		const queue = setup();
		let committed = false;
		void queue.write({ apply: () => db.prepare("INSERT INTO t (k, v) VALUES ('z', 1)").run(), committed: () => (committed = true) });
		queue.flush();
		expect(committed).toBe(true);
		expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 });
	});
});
