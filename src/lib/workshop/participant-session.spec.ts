import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '$lib/protocol';
import { Connection } from '$lib/socket/connection.svelte';
import { request } from '$lib/socket/request';
import { ParticipantSession } from './participant-session.svelte';
import { inProcessSuite } from '../../../tests/support/in-process.js';
import { connect, createSession, ok, questionnaire } from '../../../tests/support/workshop.js';

/** The browser's localStorage, for a phone's memory in this Node test (a plain stand-in for the Web API). */
class MemoryStorage {
	private items = new Map<string, string>();
	getItem = (key: string) => this.items.get(key) ?? null;
	setItem = (key: string, value: string) => void this.items.set(key, String(value));
	removeItem = (key: string) => void this.items.delete(key);
	clear = () => this.items.clear();
}

const q = (i: number) => questionnaire.questions[i]!;
const until = async (condition: () => boolean, what: string, ms = 5000) => {
	const end = performance.now() + ms;
	while (!condition()) {
		if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
};

describe("a phone's answer queue (ParticipantSession against the real server)", () => {
	const suite = inProcessSuite();
	let connection: Connection | undefined;
	beforeAll(() => {
		Object.defineProperty(globalThis, 'localStorage', { value: new MemoryStorage(), configurable: true });
	});
	afterEach(() => connection?.close());

	it('keeps answers given offline, sends each exactly once in order after reconnecting, and waits while results are shown', async () => {
		const created = await createSession(suite.url, { title: 'Queue' });
		const info = (await (await fetch(`${suite.url}/api/sessions/${created.code}`)).json()) as SessionInfo;
		connection = new Connection(suite.url);
		const phone = new ParticipantSession(connection, info, questionnaire);
		phone.start();
		phone.chooseGroup('g1');
		await until(() => phone.phase === 'answering', 'the join');

		phone.answer(q(0).id, q(0).options[0]!.id);
		phone.answer(q(1).id, q(1).options[1]!.id);
		await until(() => phone.queue.length === 0 && phone.saved[q(1).id] === true, 'the first answers');

		// Offline: three answers, one changed twice; only the latest per question is kept, in order.
		connection.socket.disconnect();
		phone.answer(q(2).id, q(2).options[0]!.id);
		phone.answer(q(3).id, null);
		phone.answer(q(2).id, q(2).options[2]!.id);
		expect(phone.queue.map((a) => a.questionId)).toEqual([q(3).id, q(2).id]);
		expect(phone.saved[q(2).id]).toBe(false);
		connection.socket.connect();
		await until(() => phone.queue.length === 0 && phone.saved[q(2).id] === true, 'the flush after reconnecting');

		// While the room looks at results, an answer waits on the phone, then goes out when answering reopens.
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
		ok(await request(facilitator, 'reveal:set', { step: 'overall' }));
		await until(() => phone.reveal.step === 'overall', 'the reveal push');
		phone.answer(q(4).id, q(4).options[1]!.id);
		await new Promise((r) => setTimeout(r, 100));
		expect(phone.queue.map((a) => a.questionId)).toEqual([q(4).id]);
		ok(await request(facilitator, 'reveal:set', { step: 'hidden' }));
		await until(() => phone.answeringOpen, 'answering to reopen');
		phone.resume();
		await until(() => phone.queue.length === 0, 'the held answer');

		const db = new Database(join(suite.dataDir, 'standort.sqlite'), { readonly: true });
		const rows = db.prepare('SELECT question_id AS q, option_id AS o FROM answers ORDER BY question_id').all() as { q: string; o: string | null }[];
		db.close();
		expect(Object.fromEntries(rows.map((r) => [r.q, r.o]))).toEqual({
			[q(0).id]: q(0).options[0]!.id,
			[q(1).id]: q(1).options[1]!.id,
			[q(2).id]: q(2).options[2]!.id,
			[q(3).id]: null,
			[q(4).id]: q(4).options[1]!.id
		});
		expect(rows).toHaveLength(5);
		phone.stop();
		facilitator.close();
	});

	it('"not you? start over" on a shared phone: the next person sees nothing of the previous one and is someone new', async () => {
		const created = await createSession(suite.url, { title: 'Shared phone' });
		const info = (await (await fetch(`${suite.url}/api/sessions/${created.code}`)).json()) as SessionInfo;
		connection = new Connection(suite.url);
		const first = new ParticipantSession(connection, info, questionnaire);
		first.start();
		first.chooseGroup('g1');
		await until(() => first.phase === 'answering', 'the first join');
		first.answer(q(0).id, q(0).options[2]!.id);
		await until(() => first.saved[q(0).id] === true, 'the first answer');
		expect(localStorage.getItem(`standort:participant:${created.code}`)).toContain(q(0).options[2]!.id);

		first.startOver();
		expect(first.phase).toBe('choose-group');
		expect(first.answers).toEqual({});
		expect(localStorage.getItem(`standort:participant:${created.code}`)).toBeNull();
		first.stop();

		// The next person on the same page and phone.
		const next = new ParticipantSession(connection, info, questionnaire);
		next.start();
		expect(next.phase).toBe('choose-group');
		await until(() => connection!.socket.connected, 'the new connection');
		next.chooseGroup('g2');
		await until(() => next.phase === 'answering', 'the second join');
		expect(next.answers).toEqual({});
		const facilitator = await connect(suite.url);
		const state = ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
		expect(state.presence.groups.map((g) => g.joined)).toEqual([1, 1, 0]);
		next.stop();
		facilitator.close();
	});
});
