import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from '../../src/lib/socket/request.js';
import { percentile } from '../../bench/stats.js';
import { serverPerSuite } from '../support/server-suite.js';
import { answersAtLevel, connect, createSession, join, ok, facilitatorCookie } from '../support/workshop.js';

describe('one client cannot stall the server', () => {
	// The production budget of 20 requests a second per connection, which this suite is about.
	const suite = serverPerSuite({ STANDORT_REQUESTS_PER_SOCKET: '20' });

	it('a socket flooding session:join is refused, then hung up on; it creates one participant, and a phone in another workshop stays fast', async () => {
		const target = await createSession(suite.url, { title: 'Flooded' });
		const other = await createSession(suite.url, { title: 'Elsewhere' });
		const phone = await join(suite.url, other.code, 'g1');

		// 3,000 joins without waiting for acks from another process, while the phone answers 20 questions.
		const flooder = spawn(process.execPath, [resolve(import.meta.dirname, '../support/flooder.mjs'), suite.url, target.code, '3000'], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		const started = new Promise<void>((ready) => flooder.stdout.on('data', (chunk: Buffer) => ((out += chunk.toString()), out.includes('flooding') && ready())));
		const finished = new Promise<void>((exit) => flooder.once('exit', () => exit()));
		await started;
		const latencies: number[] = [];
		// Every question twice (the second time changed), so p95 rests on 40 acks, not on the two slowest of 20.
		for (const a of [...answersAtLevel(2), ...answersAtLevel(3)]) {
			const t = performance.now();
			ok(await request(phone.socket, 'answer:submit', a));
			latencies.push(performance.now() - t);
		}
		await finished;
		expect(percentile(latencies, 95)).toBeLessThan(100);
		// The first requests are served or refused with an ack each; then the connection is cut.
		const report = JSON.parse(out.split('\n').find((line) => line.startsWith('{'))!) as { tally: Record<string, number>; disconnected: boolean };
		expect(report.disconnected).toBe(true);
		// Repeats of the first join get the same person back (OK); other groups are ALREADY_JOINED.
		expect(report.tally.OK).toBeGreaterThanOrEqual(1);
		expect(report.tally.RATE_LIMITED).toBeGreaterThan(100);
		expect(Object.keys(report.tally).sort()).toEqual(['ALREADY_JOINED', 'NO_ACK', 'OK', 'RATE_LIMITED'].filter((k) => report.tally[k]).sort());
		const presence = await fetch(`${suite.url}/api/sessions/${target.code}`);
		expect(presence.status).toBe(200);
		// The facilitator sees one person, however many joins the flood sent.
		const facilitator = await connect(suite.url);
		const state = ok(await request(facilitator, 'facilitator:attach', { code: target.code, token: target.facilitatorToken }));
		expect(state.presence.groups.reduce((n, g) => n + g.joined, 0)).toBe(1);
		[phone.socket, facilitator].forEach((s) => s.close());
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
		const cookie = await facilitatorCookie(suite.url);
		for (let i = 0; i < 35; i++) {
			const res = await fetch(`${suite.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ title: `W${i}` }) });
			statuses.push(res.status);
		}
		expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
		expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(30);
	});
});
