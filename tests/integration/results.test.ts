import { describe, expect, it } from 'vitest';
import type { ParticipantResults } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { serverPerSuite } from '../support/server-suite.js';
import { answerAll, answersAtLevel, connect, createSession, join, ok, questionnaire, tokenOf } from '../support/workshop.js';
import type { TestSocket } from '../support/socket-client.js';

const dims = questionnaire.dimensions.map((d) => d.id);
const each = <T>(value: T) => Object.fromEntries(dims.map((d) => [d, value]));

/** Collects every payload a socket receives, to check later that nothing leaked. */
function record(socket: TestSocket): string[] {
	const seen: string[] = [];
	socket.onAny((event: string, payload: unknown) => seen.push(`${event} ${JSON.stringify(payload)}`));
	return seen;
}

describe('live results', () => {
	const suite = serverPerSuite();

	it('equal hand-computed figures, and a group below the minimum reaches no client', async () => {
		const created = await createSession(suite.url);
		const facilitator = await connect(suite.url);
		const facSeen = record(facilitator);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));

		// Leadership: three people at level 3. Team: two at level 2, one at level 1. Others: only two people.
		const plan: [string, 1 | 2 | 3][] = [['g1', 3], ['g1', 3], ['g1', 3], ['g2', 2], ['g2', 2], ['g2', 1], ['g3', 1], ['g3', 3]];
		const people = await Promise.all(plan.map(([g]) => join(suite.url, created.code, g)));
		const partSeen = people.map((p) => record(p.socket));
		await Promise.all(people.map((p, i) => answerAll(p.socket, answersAtLevel(plan[i]![1]))));

		const res = await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { authorization: `Bearer ${tokenOf(created)}` } });
		expect(res.status).toBe(200);
		const results = (await res.json()) as Record<string, unknown>;
		expect(results.groups).toEqual({
			g1: { suppressed: false, n: 3, dimensions: each({ n: 3, mean: 3, index: 100, level: 3, ad: 0, split: false }), overall: { mean: 3, index: 100, level: 3 } },
			g2: { suppressed: false, n: 3, dimensions: each({ n: 3, mean: 1.67, index: 33, level: 2, ad: 0.44, split: false }), overall: { mean: 1.67, index: 33, level: 2 } },
			g3: { suppressed: true, n: 2, needed: 1 }
		});
		expect(results.everyone).toEqual({ suppressed: false, n: 6, dimensions: each({ n: 6, mean: 2.33, index: 67, level: 2, ad: 0.67, split: true }), overall: { mean: 2.33, index: 67, level: 2 } });
		expect(results.gaps).toEqual(dims.map((d) => ({ dimensionId: d, delta: 1.33, notable: true, major: true, highGroupId: 'g1', lowGroupId: 'g2' })));
		expect(results.pairs).toEqual(dims.map((d) => ({ dimensionId: d, leadershipGroupId: 'g1', teamGroupId: 'g2', delta: 1.33, kind: 'blind-spot' })));
		expect((results.agenda as { dimensionId: string }[]).map((a) => a.dimensionId)).toEqual(dims);

		// The facilitator's pushes carry the same aggregate; the phones see nothing while hidden.
		await expect.poll(() => facSeen.filter((s) => s.startsWith('session:results')).at(-1), { timeout: 5000 }).toContain('"g2":{"suppressed":false,"n":3');
		expect(partSeen.flat().filter((s) => s.startsWith('session:reveal'))).toEqual([]);

		// Step through the reveal: phones follow with exactly the revealed parts.
		const revealed = new Promise<ParticipantResults>((resolve) => people[0]!.socket.once('session:reveal', resolve));
		ok(await request(facilitator, 'reveal:set', { step: 'groups' }));
		const view = await revealed;
		expect(view.reveal).toEqual({ step: 'groups' });
		expect(view.results?.gaps).toBeUndefined();
		expect(view.results?.groups.g1?.dimensions?.vision?.mean).toBe(3);
		ok(await request(facilitator, 'reveal:set', { step: 'deep-dive', dimensionId: 'goals' }));
		await new Promise((r) => setTimeout(r, 400));

		// Nothing any client received contains figures of the group of two.
		for (const payload of [...facSeen, ...partSeen.flat()]) {
			expect(payload).not.toMatch(/"g3":\{"suppressed":false/);
			expect(payload).not.toMatch(/"g3":\{"n":/);
			if (payload.includes('"questions"')) expect(payload).not.toMatch(/"g3":\{"n":\d+,"dontKnow"/);
		}
		facilitator.close();
		people.forEach((p) => p.socket.close());
	});

	it('moves a second facilitator screen along with the reveal', async () => {
		const created = await createSession(suite.url);
		const [first, second] = [await connect(suite.url), await connect(suite.url)];
		for (const s of [first, second]) ok(await request(s, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));
		const followed = new Promise<ParticipantResults>((resolve) => second.once('session:reveal', resolve));
		ok(await request(first, 'reveal:set', { step: 'agenda' }));
		expect(await followed).toEqual({ code: created.code, reveal: { step: 'agenda' } });
		first.close();
		second.close();
	});

	it('refuses the results API without the facilitator token', async () => {
		const created = await createSession(suite.url);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/results`)).status).toBe(401);
		const wrong = await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { authorization: 'Bearer nope-nope-nope-nope' } });
		expect(wrong.status).toBe(401);
		expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
	});

	it('refuses reveal steps from participants and malformed steps', async () => {
		const created = await createSession(suite.url);
		const { socket } = await join(suite.url, created.code, 'g1');
		const refused = await request(socket, 'reveal:set', { step: 'overall' });
		expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));
		for (const bad of [{ step: 'deep-dive' }, { step: 'overall', dimensionId: 'vision' }, { step: 'deep-dive', dimensionId: 'nope' }, { step: 'everything' }]) {
			const ack = await request(facilitator, 'reveal:set', bad as never);
			expect(ack.ok ? 'OK' : ack.error.code).toBe('INVALID_PAYLOAD');
		}
		socket.close();
		facilitator.close();
	});
});
