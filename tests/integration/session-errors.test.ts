import { request } from '../../src/lib/socket/request.js';
import { describe, expect, it } from 'vitest';
import type { Ack, ErrorCode } from '../../src/lib/protocol.js';
import { inProcessSuite as serverPerSuite } from '../support/in-process.js';
import { connect, createSession, join, ok, questionnaire, tokenOf, facilitatorCookie } from '../support/workshop.js';

const errorOf = (ack: Ack<unknown>): ErrorCode | 'OK' => (ack.ok ? 'OK' : ack.error.code);
type Loose = { code: string; groupId: string };

describe('every refusal is a stable error code, and nothing breaks', () => {
	const suite = serverPerSuite();

	it('INVALID_PAYLOAD, SESSION_NOT_FOUND, UNKNOWN_GROUP and NOT_JOINED', async () => {
		const { code } = await createSession(suite.url);
		const s = await connect(suite.url);
		const emit = (event: 'session:join' | 'answer:submit', payload: unknown) =>
			request(s, event as 'session:join', payload as Loose);
		expect(errorOf(await emit('session:join', { code: 42, groupId: 'g1' }))).toBe('INVALID_PAYLOAD');
		expect(errorOf(await emit('session:join', 'not even an object'))).toBe('INVALID_PAYLOAD');
		expect(errorOf(await emit('session:join', { code, groupId: 'g1', extra: true }))).toBe('INVALID_PAYLOAD');
		expect(errorOf(await emit('session:join', { code: 'ZZZZZZ', groupId: 'g1' }))).toBe('SESSION_NOT_FOUND');
		expect(errorOf(await emit('session:join', { code, groupId: 'g9' }))).toBe('UNKNOWN_GROUP');
		expect(errorOf(await emit('answer:submit', { questionId: questionnaire.questions[0]!.id, optionId: null }))).toBe('NOT_JOINED');
		// The server is still fine after all of that.
		expect(ok(await request(s, 'system:ping', { sentAt: 1 })).sentAt).toBe(1);
		s.close();
	});

	it('UNKNOWN_QUESTION and UNKNOWN_OPTION, without storing anything', async () => {
		const { code } = await createSession(suite.url);
		const { socket, joined } = await join(suite.url, code, 'g1');
		const q = questionnaire.questions[0]!;
		expect(errorOf(await request(socket, 'answer:submit', { questionId: 'no-such-question', optionId: null }))).toBe('UNKNOWN_QUESTION');
		expect(errorOf(await request(socket, 'answer:submit', { questionId: q.id, optionId: questionnaire.questions[1]!.options[0]!.id }))).toBe('UNKNOWN_OPTION');
		// An answer addressed to another workshop than the one this socket joined is refused.
		expect(errorOf(await request(socket, 'answer:submit', { questionId: q.id, optionId: null, code: 'ZZZZZZ' }))).toBe('NOT_JOINED');
		socket.close();
		const back = await join(suite.url, code, 'g1', joined.resumeToken);
		expect(back.joined.answers).toEqual({});
		back.socket.close();
	});

	it('FORBIDDEN: a wrong token, and participant sockets calling facilitator events', async () => {
		const created = await createSession(suite.url);
		const s = await connect(suite.url);
		expect(errorOf(await request(s, 'facilitator:attach', { code: created.code, token: 'x'.repeat(43) }))).toBe('FORBIDDEN');
		expect(errorOf(await request(s, 'session:lock', { locked: true }))).toBe('FORBIDDEN');
		const { socket } = await join(suite.url, created.code, 'g1');
		expect(errorOf(await request(socket, 'session:lock', { locked: true }))).toBe('FORBIDDEN');
		expect(errorOf(await request(socket, 'session:close', {}))).toBe('FORBIDDEN');
		const info = (await (await fetch(`${suite.url}/api/sessions/${created.code}`)).json()) as { status: string };
		expect(info.status).toBe('open');
		s.close();
		socket.close();
	});

	it('SESSION_LOCKED for newcomers while known participants may come back; SESSION_CLOSED ends answering', async () => {
		const created = await createSession(suite.url);
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));
		const early = await join(suite.url, created.code, 'g2');
		const statusSeen = new Promise((resolve) => early.socket.once('session:status', resolve));

		expect(ok(await request(facilitator, 'session:lock', { locked: true })).status).toBe('locked');
		expect(await statusSeen).toEqual({ code: created.code, status: 'locked' });
		const late = await connect(suite.url);
		expect(errorOf(await request(late, 'session:join', { code: created.code, groupId: 'g1' }))).toBe('SESSION_LOCKED');
		early.socket.close();
		const back = await join(suite.url, created.code, 'g2', early.joined.resumeToken);
		const q = questionnaire.questions[0]!;
		ok(await request(back.socket, 'answer:submit', { questionId: q.id, optionId: q.options[0]!.id }));

		ok(await request(facilitator, 'session:close', {}));
		expect(errorOf(await request(back.socket, 'answer:submit', { questionId: q.id, optionId: null }))).toBe('SESSION_CLOSED');
		expect(errorOf(await request(late, 'session:join', { code: created.code, groupId: 'g1' }))).toBe('SESSION_CLOSED');
		expect(errorOf(await request(facilitator, 'session:lock', { locked: false }))).toBe('SESSION_CLOSED');
		// A known person still gets back in after the end, to see the results, but not to answer.
		back.socket.close();
		const after = await join(suite.url, created.code, 'g2', early.joined.resumeToken);
		expect(after.joined.status).toBe('closed');
		expect(after.joined.answers).toEqual({ [q.id]: q.options[0]!.id });
		expect(errorOf(await request(after.socket, 'answer:submit', { questionId: q.id, optionId: null }))).toBe('SESSION_CLOSED');
		[facilitator, late, after.socket].forEach((s) => s.close());
	});

	it('exactly one INVALID_PAYLOAD ack for a missing payload or extra arguments', async () => {
		const s = await connect(suite.url);
		type Raw = { emit(event: string, ...args: unknown[]): void };
		const raw = (...args: unknown[]) =>
			new Promise<Ack<unknown>[]>((resolve) => {
				const acks: Ack<unknown>[] = [];
				(s as unknown as Raw).emit('system:ping', ...args, (ack: Ack<unknown>) => {
					acks.push(ack);
					// A second ack would arrive in the same tick; the ping that follows proves none did.
					void request(s, 'system:ping', { sentAt: 3 }).then(() => resolve(acks));
				});
			});
		for (const args of [[], [{ sentAt: 1 }, 'extra'], [undefined]]) {
			const acks = await raw(...args);
			expect(acks.map(errorOf)).toEqual(['INVALID_PAYLOAD']);
		}
		expect((await raw({ sentAt: 1 })).map(errorOf)).toEqual(['OK']);
		s.close();
	});

	it('drops an oversized message without harm to others', async () => {
		const big = await connect(suite.url);
		const gone = new Promise((resolve) => big.once('disconnect', resolve));
		big.emit('system:ping', { sentAt: 1, padding: 'x'.repeat(64 * 1024) } as unknown as { sentAt: number }, () => {});
		expect(await gone).toBeTruthy();
		const other = await connect(suite.url);
		expect(ok(await request(other, 'system:ping', { sentAt: 2 })).sentAt).toBe(2);
		other.close();
	});

	it('answers bad HTTP requests with JSON 4xx', async () => {
		const cookie = await facilitatorCookie(suite.url);
		const post = (body: unknown) =>
			fetch(`${suite.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
		const noTitle = await post({});
		expect(noTitle.status).toBe(400);
		expect(((await noTitle.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
		const small = await post({ title: 'x', minGroupSize: 2 });
		expect(small.status).toBe(400);
		expect(((await small.json()) as { error: { message: string } }).error.message).toContain('confirmSmallGroups');
		expect((await post({ title: 'x', minGroupSize: 2, confirmSmallGroups: true })).status).toBe(201);
		expect((await post({ title: 'x', groups: [{ label: 'Only one' }] })).status).toBe(400);
		expect((await post({ title: 'x', questionnaireId: 'nope' })).status).toBe(400);
		const unknown = await fetch(`${suite.url}/api/sessions/ZZZZZZ`);
		expect(unknown.status).toBe(404);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
	});
});

describe('guarded instances', () => {
	const suite = serverPerSuite({ STANDORT_JOIN_FAILURES_PER_MINUTE: '3' });

	it('after repeated wrong codes an address is slowed down, but a right code or token still gets in', async () => {
		const created = await createSession(suite.url, { title: 'x' });
		const s = await connect(suite.url);
		// Three wrong codes reach the limit of 3.
		for (let i = 0; i < 3; i++) expect(errorOf(await request(s, 'session:join', { code: 'ZZZZZZ', groupId: 'g1' }))).toBe('SESSION_NOT_FOUND');
		// The whole room shares this address: the right code is answered late, not refused.
		const started = performance.now();
		expect(errorOf(await request(s, 'session:join', { code: created.code, groupId: 'g1' }))).toBe('OK');
		expect(performance.now() - started).toBeGreaterThanOrEqual(1500);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}`)).status).toBe(200);
		const facilitator = await connect(suite.url);
		expect(errorOf(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }))).toBe('OK');
		// A guesser gets only a few lookups waiting at a time; the rest are refused.
		const guesses = await Promise.all(Array.from({ length: 8 }, () => fetch(`${suite.url}/api/sessions/ZZZZZZ`).then((r) => r.status)));
		expect(guesses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(4);
		expect(guesses.filter((status) => status === 404).length).toBeGreaterThanOrEqual(1);
		// A wrong facilitator token still counts: the next wrong code stays slow.
		expect(errorOf(await request(facilitator, 'facilitator:attach', { code: created.code, token: 'x'.repeat(43) }))).toBe('FORBIDDEN');
		s.close();
		facilitator.close();
	});
});

describe('limits on new participants', () => {
	const suite = serverPerSuite({ STANDORT_NEW_PARTICIPANTS_PER_ADDRESS: '4', STANDORT_MAX_PARTICIPANTS: '3' });

	it('SESSION_FULL at the workshop maximum, RATE_LIMITED past the per-address burst, and returning people always get in', async () => {
		const first = await createSession(suite.url);
		const people = [await join(suite.url, first.code, 'g1'), await join(suite.url, first.code, 'g1'), await join(suite.url, first.code, 'g2')];
		const fourth = await connect(suite.url);
		expect(errorOf(await request(fourth, 'session:join', { code: first.code, groupId: 'g1' }))).toBe('SESSION_FULL');
		const second = await createSession(suite.url);
		ok(await request(fourth, 'session:join', { code: second.code, groupId: 'g1' }));
		// Four new participants from this address in a burst: the fifth waits.
		const fifth = await connect(suite.url);
		expect(errorOf(await request(fifth, 'session:join', { code: second.code, groupId: 'g1' }))).toBe('RATE_LIMITED');
		// Coming back with a resume token creates nobody, so it is never limited.
		people[0]!.socket.close();
		const back = await join(suite.url, first.code, 'g1', people[0]!.joined.resumeToken);
		expect(back.joined.participantId).toBe(people[0]!.joined.participantId);
		[...people.slice(1).map((p) => p.socket), back.socket, fourth, fifth].forEach((s) => s.close());
	});
});
