import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createAnswerRepository } from '../repositories/answer.repository.js';
import { createSessionRepository } from '../repositories/session.repository.js';
import { createAnswerCache } from './answer-cache.js';

/** A real SQLite session with two groups: p1…p3 in g1, p4 in g2. */
function setup() {
	const dir = mkdtempSync(join(tmpdir(), 'standort-cache-'));
	const db: Db = openDatabase(dir);
	migrate(db, resolve(import.meta.dirname, '../../db'));
	const sessions = createSessionRepository(db);
	const rows = createAnswerRepository(db);
	const row = sessions.create({
		code: 'ABCDEF', title: 't', organisation: null, questionnaireId: 'q', questionnaireVersion: '1.0.0', language: 'de', minGroupSize: 3, detailMinSize: 5, votesPerPerson: 3, roadmapStart: '2027-01', tokenHash: 'h',
		groups: [
			{ groupId: 'g1', labelDe: 'G', labelEn: 'G', role: 'team', expected: null },
			{ groupId: 'g2', labelDe: 'H', labelEn: 'H', role: 'other', expected: null }
		]
	});
	for (let i = 1; i <= 4; i++) sessions.addParticipant({ id: `p${i}`, sessionId: row.id, groupId: i < 4 ? 'g1' : 'g2', resumeHash: `h${i}` });
	const cache = createAnswerCache(sessions);
	/** Writes to disk and to the cache, as the write queue does. */
	const answer = (participantId: string, questionId: string, optionId: string | null) => {
		rows.upsert({ participantId, questionId, optionId });
		cache.committed(row.id, participantId, questionId, optionId);
	};
	return { sessions, cache, answer, id: row.id, done: () => (db.close(), rmSync(dir, { recursive: true, force: true })) };
}

describe('the answer cache', () => {
	let done = () => {};
	afterEach(() => done());

	it('counts per group who joined, who is in the figures and who changed since', () => {
		const s = setup();
		done = s.done;
		s.answer('p1', 'q1', 'a');
		s.answer('p2', 'q1', null);
		expect(Object.fromEntries(s.cache.tally(s.id))).toEqual({ g1: { joined: 3, shown: 0, changed: 2 }, g2: { joined: 1, shown: 0, changed: 0 } });
		expect([...s.cache.published(s.id)]).toEqual([]);
	});

	it('publishes a group in memory and on disk, and a restart reads the same published copy', () => {
		const s = setup();
		done = s.done;
		for (const p of ['p1', 'p2', 'p3']) s.answer(p, 'q1', 'a');
		s.sessions.setReveal(s.id, 'overall', null, ['g1']);
		s.cache.markPublished(s.id, ['g1']);
		// After publishing, a re-sent unchanged answer is no change; a new answer is.
		s.answer('p1', 'q1', 'a');
		s.answer('p2', 'q2', 'b');
		const expected = { g1: { joined: 3, shown: 3, changed: 1 }, g2: { joined: 1, shown: 0, changed: 0 } };
		expect(Object.fromEntries(s.cache.tally(s.id))).toEqual(expected);
		expect([...s.cache.published(s.id)].map((p) => p.answers)).toEqual([{ q1: 'a' }, { q1: 'a' }, { q1: 'a' }]);

		const restarted = createAnswerCache(s.sessions);
		expect(Object.fromEntries(restarted.tally(s.id))).toEqual(expected);
		expect([...restarted.published(s.id)].map((p) => p.answers)).toEqual([{ q1: 'a' }, { q1: 'a' }, { q1: 'a' }]);
		expect([...restarted.entries(s.id)].find(([id]) => id === 'p2')?.[1].answers).toEqual({ q1: 'a', q2: 'b' });
	});

	it('an answer changed and changed back is no change', () => {
		const s = setup();
		done = s.done;
		s.answer('p1', 'q1', 'a');
		s.sessions.setReveal(s.id, 'overall', null, ['g1']);
		s.cache.markPublished(s.id, ['g1']);
		s.answer('p1', 'q1', 'b');
		expect(s.cache.tally(s.id).get('g1')?.changed).toBe(1);
		s.answer('p1', 'q1', 'a');
		expect(s.cache.tally(s.id).get('g1')?.changed).toBe(0);
		expect(createAnswerCache(s.sessions).tally(s.id).get('g1')?.changed).toBe(0);
	});
});
