import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createSessionRepository } from '../repositories/session.repository.js';
import { createAnswerCache } from './answer-cache.js';

/** A real SQLite session with one group and `n` participants p1…pn. */
function setup(n: number) {
	const dir = mkdtempSync(join(tmpdir(), 'standort-cache-'));
	const db: Db = openDatabase(dir);
	migrate(db, resolve(import.meta.dirname, '../../db'));
	const sessions = createSessionRepository(db);
	const row = sessions.create({
		code: 'ABCDEF', title: 't', organisation: null, questionnaireId: 'q', questionnaireVersion: '1.0.0', language: 'de', minGroupSize: 3, tokenHash: 'h',
		groups: [{ groupId: 'g1', labelDe: 'G', labelEn: 'G', role: 'team' }]
	});
	for (let i = 1; i <= n; i++) sessions.addParticipant({ id: `p${i}`, sessionId: row.id, groupId: 'g1', resumeHash: `h${i}` });
	const cache = createAnswerCache(sessions);
	return { cache, id: row.id, done: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}
const snapshot = (people: Iterable<{ answers: Record<string, string | null> }>) => [...people].map((p) => p.answers);

describe('published answers move in steps of at least the minimum group size', () => {
	let done = () => {};
	afterEach(() => done());

	it('takes a group over only once enough of its people changed something', () => {
		const s = setup(4);
		done = s.done;
		for (const p of ['p1', 'p2', 'p3']) s.cache.committed(s.id, p, 'q1', 'a');
		expect(snapshot(s.cache.published(s.id, 3))).toEqual([{ q1: 'a' }, { q1: 'a' }, { q1: 'a' }, {}]);

		// One latecomer alone would be visible as the difference between two updates: held back.
		s.cache.committed(s.id, 'p4', 'q1', 'b');
		expect(snapshot(s.cache.published(s.id, 3))).toEqual([{ q1: 'a' }, { q1: 'a' }, { q1: 'a' }, {}]);
		// Two more people change an answer: now three changes go out together.
		s.cache.committed(s.id, 'p1', 'q2', 'c');
		s.cache.committed(s.id, 'p2', 'q1', 'b');
		expect(snapshot(s.cache.published(s.id, 3))).toEqual([{ q1: 'a', q2: 'c' }, { q1: 'b' }, { q1: 'a' }, { q1: 'b' }]);
	});

	it('shows a group that fills up one person at a time as soon as it reaches the minimum', () => {
		const s = setup(4);
		done = s.done;
		for (const p of ['p1', 'p2', 'p3']) {
			s.cache.committed(s.id, p, 'q1', 'a');
			s.cache.published(s.id, 3);
		}
		// The third person makes the first figures: nothing earlier to compare them with.
		expect(snapshot(s.cache.published(s.id, 3)).filter((a) => a.q1).length).toBe(3);
	});

	it('takes over a group below the minimum at once, since it is never shown anyway', () => {
		const s = setup(2);
		done = s.done;
		s.cache.committed(s.id, 'p1', 'q1', 'a');
		expect(snapshot(s.cache.published(s.id, 3))).toEqual([{ q1: 'a' }, {}]);
	});
});
