import { describe, expect, it } from 'vitest';
import type { ParticipantResults } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { inProcessSuite as serverPerSuite } from '../support/in-process.js';
import { connectFrom } from '../support/socket-client.js';
import { connect, createSession, join, nextEvent, ok, record } from '../support/workshop.js';

/** True when `probe` took long enough to have been slowed down (a blocked address waits ~2 s). */
async function slowed(probe: () => Promise<unknown>): Promise<boolean> {
	const t = performance.now();
	await probe();
	return performance.now() - t >= 1500;
}

describe('a socket that changes role leaves its old rooms', () => {
	const suite = serverPerSuite();

	it('a phone of workshop A that becomes facilitator of B hears nothing more from A', async () => {
		const a = await createSession(suite.url, { title: 'A' });
		const b = await createSession(suite.url, { title: 'B' });
		const facA = await connect(suite.url);
		ok(await request(facA, 'facilitator:attach', { code: a.code, token: a.facilitatorToken }));
		const switcher = await join(suite.url, a.code, 'g1');
		const witness = await join(suite.url, a.code, 'g2');
		const heard = record(switcher.socket);
		ok(await request(switcher.socket, 'facilitator:attach', { code: b.code, token: b.facilitatorToken }));

		const arrived = nextEvent(witness.socket, 'session:reveal');
		ok(await request(facA, 'reveal:set', { step: 'overall' }));
		await arrived;
		// A ping on the same connection is answered after anything the reveal sent it: order is kept.
		ok(await request(switcher.socket, 'system:ping', { sentAt: 1 }));
		expect(heard.filter((h) => h.event === 'session:reveal' && (h.payload as ParticipantResults).code === a.code)).toEqual([]);
		[facA, switcher.socket, witness.socket].forEach((s) => s.close());
	});
});

describe('wrong tokens count against the address like wrong codes', () => {
	const suite = serverPerSuite({ STANDORT_JOIN_FAILURES_PER_MINUTE: '3' });

	it('wrong facilitator tokens on facilitator:attach', async () => {
		const created = await createSession(suite.url);
		const guesser = await connectFrom(suite.url, '198.51.100.7');
		expect(await slowed(() => request(guesser, 'session:join', { code: 'ZZZZZZ', groupId: 'g1' }))).toBe(false);
		for (let i = 0; i < 2; i++) {
			const ack = await request(guesser, 'facilitator:attach', { code: created.code, token: 'w'.repeat(43) });
			expect(ack.ok ? 'OK' : ack.error.code).toBe('FORBIDDEN');
		}
		// One wrong code and two wrong tokens: the address now waits for every lookup.
		expect(await slowed(() => request(guesser, 'session:join', { code: 'ZZZZZZ', groupId: 'g1' }))).toBe(true);
		const neighbour = await connectFrom(suite.url, '198.51.100.8');
		expect(await slowed(() => request(neighbour, 'session:join', { code: 'ZZZZZZ', groupId: 'g1' }))).toBe(false);
		[guesser, neighbour].forEach((s) => s.close());
	});

	it('wrong bearer tokens on the results and outcome API', async () => {
		const created = await createSession(suite.url);
		const from = { 'x-forwarded-for': '198.51.100.9' };
		for (const path of ['results', 'outcome', 'results'])
			expect((await fetch(`${suite.url}/api/sessions/${created.code}/${path}`, { headers: { ...from, authorization: 'Bearer wrong-wrong-wrong-wrong' } })).status).toBe(401);
		expect(await slowed(() => fetch(`${suite.url}/api/sessions/${created.code}`, { headers: from }))).toBe(true);
		expect(await slowed(() => fetch(`${suite.url}/api/sessions/${created.code}`, { headers: { 'x-forwarded-for': '198.51.100.10' } }))).toBe(false);
	});
});
