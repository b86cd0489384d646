import { request } from '../../src/lib/socket/request.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET } from '../../src/lib/core/join-code.js';
import type { FacilitatorState, Presence } from '../../src/lib/protocol.js';
import { serverPerSuite } from '../support/server-suite.js';
import { answerAll, answersAtLevel, connect, createSession, join as joinSession, ok, presenceWhere, questionnaire, tokenOf } from '../support/workshop.js';

const readDb = <T>(dataDir: string, read: (db: Database.Database) => T): T => {
	const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
};

describe('workshop sessions', () => {
	const suite = serverPerSuite();

	it('creates a session over HTTP, describes it publicly and stores only a hash of the token', async () => {
		const created = await createSession(suite.url, { title: 'Service offsite', organisation: 'ACME' });
		expect(created.code).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
		expect(created.joinUrl).toMatch(new RegExp(`/j/${created.code}$`));
		expect(created.facilitatorUrl).toContain(`/workshop/${created.code}#token=${created.facilitatorToken}`);

		const res = await fetch(`${suite.url}/api/sessions/${created.code.toLowerCase()}`);
		expect(res.status).toBe(200);
		const info = (await res.json()) as Record<string, unknown>;
		expect(info).toEqual({
			code: created.code,
			title: 'Service offsite',
			organisation: 'ACME',
			questionnaire: { id: 'service-maturity', version: '2.0.0' },
			language: 'de',
			groups: [
				{ id: 'g1', label: { de: 'Führung', en: 'Leadership' } },
				{ id: 'g2', label: { de: 'Service-Team', en: 'Service team' } },
				{ id: 'g3', label: { de: 'Andere Abteilungen', en: 'Other departments' } }
			],
			status: 'open',
			minGroupSize: 3,
			detailMinSize: 5
		});
		expect(JSON.stringify(info)).not.toContain(created.facilitatorToken);
		const stored = readDb(suite.dataDir, (db) => db.prepare('SELECT token_hash FROM sessions WHERE code = ?').pluck().get(created.code));
		expect(stored).toMatch(/^[0-9a-f]{64}$/);
		expect(stored).not.toBe(created.facilitatorToken);

		const qr = await fetch(`${suite.url}/api/sessions/${created.code}/qr.svg`);
		expect(qr.headers.get('content-type')).toMatch(/image\/svg\+xml/);
		expect(await qr.text()).toContain('<svg');
	});

	it('runs 3 groups × 4 participants through every question, with live presence counts', async () => {
		const created = await createSession(suite.url);
		const facilitator = await connect(suite.url);
		const state: FacilitatorState = ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));
		expect(state.presence.groups.map((g) => g.joined)).toEqual([0, 0, 0]);
		let pushes = 0;
		facilitator.on('session:presence', () => pushes++);

		const people = await Promise.all(['g1', 'g2', 'g3'].flatMap((g) => [1, 2, 3, 4].map(() => joinSession(suite.url, created.code, g))));
		const allFinished = presenceWhere(facilitator, (p) => p.groups.every((g) => g.finished === 4));
		await Promise.all(people.map(({ socket }, i) => answerAll(socket, answersAtLevel(((i % 3) + 1) as 1 | 2 | 3))));
		const presence: Presence = await allFinished;
		expect(presence.groups).toEqual(
			['g1', 'g2', 'g3'].map((groupId) => ({ groupId, joined: 4, connected: 4, answering: 0, finished: 4, expected: null, unconfirmed: false }))
		);
		// 240 answers, yet only a handful of coalesced pushes.
		expect(pushes).toBeLessThan(40);
		expect(JSON.stringify(presence)).not.toMatch(/participant|resume/i);

		const rows = readDb(suite.dataDir, (db) =>
			db.prepare('SELECT count(*) FROM answers a JOIN participants p ON p.id = a.participant_id JOIN sessions s ON s.id = p.session_id WHERE s.code = ?').pluck().get(created.code)
		);
		expect(rows).toBe(12 * questionnaire.questions.length);
		people.forEach(({ socket }) => socket.close());
		const gone = presenceWhere(facilitator, (p) => p.groups.every((g) => g.connected === 0));
		expect((await gone).groups.map((g) => g.finished)).toEqual([4, 4, 4]);
		facilitator.close();
	});

	it('brings a participant back to their own answers with the resume token', async () => {
		const created = await createSession(suite.url);
		const first = await joinSession(suite.url, created.code, 'g2');
		const five = answersAtLevel((i) => (i < 4 ? 2 : i === 4 ? null : 1)).slice(0, 5);
		await answerAll(first.socket, five);
		first.socket.close();

		const again = await joinSession(suite.url, created.code, 'g1', first.joined.resumeToken);
		expect(again.joined.participantId).toBe(first.joined.participantId);
		expect(again.joined.groupId).toBe('g2');
		expect(again.joined.answers).toEqual(Object.fromEntries(five.map((a) => [a.questionId, a.optionId])));
		again.socket.close();
	});

	it('stores answers flushed after a reconnect exactly once, the last one winning', async () => {
		const created = await createSession(suite.url);
		const first = await joinSession(suite.url, created.code, 'g1');
		const [q1, q2, q3] = questionnaire.questions;
		ok(await request(first.socket, 'answer:submit', { questionId: q1!.id, optionId: q1!.options[0]!.id }));
		first.socket.close();

		// The phone was offline: its queue holds a repeat of an acked answer, two new ones and a change.
		const queue = [
			{ questionId: q1!.id, optionId: q1!.options[0]!.id },
			{ questionId: q2!.id, optionId: q2!.options[1]!.id },
			{ questionId: q3!.id, optionId: null },
			{ questionId: q2!.id, optionId: q2!.options[2]!.id }
		];
		const back = await joinSession(suite.url, created.code, 'g1', first.joined.resumeToken);
		await answerAll(back.socket, queue);
		const rows = readDb(suite.dataDir, (db) =>
			db.prepare('SELECT question_id AS q, option_id AS o FROM answers WHERE participant_id = ? ORDER BY q').all(back.joined.participantId)
		);
		expect(rows).toEqual(
			[
				{ q: q1!.id, o: q1!.options[0]!.id },
				{ q: q2!.id, o: q2!.options[2]!.id },
				{ q: q3!.id, o: null }
			].sort((a, b) => a.q.localeCompare(b.q))
		);
		back.socket.close();
	});
});
