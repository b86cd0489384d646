import { describe, expect, it } from 'vitest';
import type { Ack } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { percentile } from '../../bench/stats.js';
import { serverPerSuite } from '../support/server-suite.js';
import { answersAtLevel, connect, createSession, join, ok } from '../support/workshop.js';

describe('one client cannot stall the server', () => {
	const suite = serverPerSuite();

	it('a socket flooding session:join is refused, then hung up on; it creates one participant, and a phone in another workshop stays fast', async () => {
		const target = await createSession(suite.url, { title: 'Flooded' });
		const other = await createSession(suite.url, { title: 'Elsewhere' });
		const flooder = await connect(suite.url);
		const phone = await join(suite.url, other.code, 'g1');

		// 3,000 joins without waiting for acks, alternating groups, while the phone answers 20 questions.
		const codes: string[] = [];
		const hungUp = new Promise((resolve) => flooder.once('disconnect', resolve));
		const floodDone = Promise.all(
			Array.from({ length: 3000 }, (_, i) =>
				request(flooder, 'session:join', { code: target.code, groupId: i % 2 ? 'g1' : 'g2' }, 20_000).then(
					(ack: Ack<unknown>) => void codes.push(ack.ok ? 'OK' : ack.error.code),
					() => void codes.push('NO_ACK')
				)
			)
		);
		const latencies: number[] = [];
		for (const a of answersAtLevel(2)) {
			const t = performance.now();
			ok(await request(phone.socket, 'answer:submit', a));
			latencies.push(performance.now() - t);
		}
		await floodDone;
		await hungUp;
		expect(percentile(latencies, 95)).toBeLessThan(100);
		// The first requests are served or refused with an ack each; then the connection is cut.
		expect(codes).toHaveLength(3000);
		expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThan(100);
		expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(1);
		expect(new Set(codes)).toEqual(new Set(['OK', 'ALREADY_JOINED', 'RATE_LIMITED', 'NO_ACK']));
		const presence = await fetch(`${suite.url}/api/sessions/${target.code}`);
		expect(presence.status).toBe(200);
		// The facilitator sees one person, however many joins the flood sent.
		const facilitator = await connect(suite.url);
		const state = ok(await request(facilitator, 'facilitator:attach', { code: target.code, token: target.facilitatorToken }));
		expect(state.presence.groups.reduce((n, g) => n + g.joined, 0)).toBe(1);
		[flooder, phone.socket, facilitator].forEach((s) => s.close());
	});

	it('many connections from one address create only a burst of participants, then wait', async () => {
		const target = await createSession(suite.url, { title: 'Fakes' });
		const sockets = await Promise.all(Array.from({ length: 130 }, () => connect(suite.url)));
		const acks = await Promise.all(sockets.map((s) => request(s, 'session:join', { code: target.code, groupId: 'g1' })));
		const refused = acks.filter((a) => !a.ok && a.error.code === 'RATE_LIMITED').length;
		// The per-address burst is 120 (STANDORT_NEW_PARTICIPANTS_PER_ADDRESS); the test created 1 before.
		expect(refused).toBeGreaterThanOrEqual(10);
		sockets.forEach((s) => s.close());
	});

	it('workshop creation is limited per address', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 35; i++) {
			const res = await fetch(`${suite.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: `W${i}` }) });
			statuses.push(res.status);
		}
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
		expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(30);
	});
});
