import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createAnswerRepository } from '../repositories/answer.repository.js';
import { createOutcomeRepository } from '../repositories/outcome.repository.js';
import { createSessionRepository } from '../repositories/session.repository.js';
import { createAnswerCache } from './answer-cache.js';
import { createHousekeeping } from './housekeeping.js';
import { createPresenceTracker } from './presence.js';
import { createResultsService } from './results.service.js';

const TABLES = ['sessions', 'session_groups', 'participants', 'answers', 'agreements', 'ideas', 'votes', 'measures'];

describe('housekeeping', () => {
	let db: Db;
	let dir = '';
	afterEach(() => {
		db?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	function setup() {
		dir = mkdtempSync(join(tmpdir(), 'standort-housekeeping-'));
		db = openDatabase(dir);
		migrate(db, resolve(import.meta.dirname, '../../db'));
		const sessions = createSessionRepository(db);
		const outcomes = createOutcomeRepository(db);
		const answerRows = createAnswerRepository(db);
		const make = (code: string) => {
			const row = sessions.create({
				code, title: code, organisation: null, questionnaireId: 'q', questionnaireVersion: '1.0.0', language: 'de', minGroupSize: 3, detailMinSize: 5,
				votesPerPerson: 3, roadmapStart: '2027-01', tokenHash: code, groups: [{ groupId: 'g1', labelDe: 'G', labelEn: 'G', role: 'team', expected: null }]
			});
			sessions.addParticipant({ id: `${code}-p`, sessionId: row.id, groupId: 'g1', resumeHash: `${code}-h` });
			answerRows.upsert({ participantId: `${code}-p`, questionId: 'q1', optionId: 'o1' });
			outcomes.addIdea({ id: `${code}-i`, sessionId: row.id, text: 'idea', dimensionId: null, source: 'participant' });
			outcomes.setVotes(`${code}-p`, new Map([[`${code}-i`, 2]]));
			outcomes.saveAgreement(row.id, { dimensionId: 'd', current: 1, target: 2, note: '' }, undefined);
			outcomes.addMeasure({ id: `${code}-m`, sessionId: row.id, title: 'm', dimensionId: 'd', kind: 'project', startMonth: 1, endMonth: 2, owner: '', metric: '', effort: null, impact: null, status: 'planned', ideaId: null });
			return row;
		};
		const count = () => Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
		return { sessions, make, count };
	}

	it('deletes a workshop inactive past the retention with every row that belongs to it, and keeps the others', () => {
		const { sessions, make, count } = setup();
		const old = make('OLDOLD');
		make('NEWNEW');
		// Two years and a day without a sign of life (test setup writes the past directly).
		const past = '2020-01-01T00:00:00.000Z';
		db.prepare('UPDATE sessions SET created_at = ? WHERE id = ?').run(past, old.id);
		for (const table of ['participants'] as const) db.prepare(`UPDATE ${table} SET joined_at = ? WHERE session_id = ?`).run(past, old.id);
		db.prepare('UPDATE answers SET answered_at = ? WHERE participant_id = ?').run(past, 'OLDOLD-p');
		for (const table of ['ideas', 'measures']) db.prepare(`UPDATE ${table} SET created_at = ? WHERE session_id = ?`).run(past, old.id);
		db.prepare('UPDATE agreements SET updated_at = ? WHERE session_id = ?').run(past, old.id);
		expect(count()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 2])));

		const answers = createAnswerCache(sessions);
		const presence = createPresenceTracker({ intervalMs: 100, notify: () => {} });
		const results = createResultsService({ sessions, answers, questionnaireOf: () => { throw new Error('not needed'); } });
		const keeper = createHousekeeping({ sessions, answers, results, presence }, { idleMs: 60_000, retentionDays: 730, now: () => new Date('2024-06-01T00:00:00Z') });
		expect(keeper.deleteExpired()).toBe(1);
		expect(count()).toEqual(Object.fromEntries(TABLES.map((t) => [t, 1])));
		expect(sessions.findByCode('OLDOLD')).toBeUndefined();
		expect(sessions.findByCode('NEWNEW')).toBeDefined();
		// Retention 0 keeps everything.
		expect(createHousekeeping({ sessions, answers, results, presence }, { idleMs: 60_000, retentionDays: 0 }).deleteExpired()).toBe(0);
	});

	it('drops idle workshops from memory unless someone is connected', () => {
		const { sessions, make } = setup();
		const a = make('AAAAAA');
		const b = make('BBBBBB');
		let t = 0;
		const answers = createAnswerCache(sessions, () => t);
		answers.tally(a.id);
		answers.tally(b.id);
		const presence = createPresenceTracker({ intervalMs: 100, notify: () => {} });
		presence.enter(b.id, 'BBBBBB-p');
		const results = createResultsService({ sessions, answers, questionnaireOf: () => { throw new Error('not needed'); } });
		const keeper = createHousekeeping({ sessions, answers, results, presence }, { idleMs: 1000, retentionDays: 0 });
		t = 500;
		expect(keeper.evictIdle()).toBe(0);
		t = 2000;
		expect(keeper.evictIdle()).toBe(1);
		expect(answers.idle(0)).toEqual([b.id]);
	});
});
