import { describe, expect, it } from 'vitest';
import type { FacilitatorState, PublishedResults } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { referenceFigures } from '../support/reference-figures.js';
import { inProcessSuite as serverPerSuite } from '../support/in-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { answerAll, answersAtLevel, connect, createSession, join, nextEvent, ok, presenceWhere, questionnaire, questionnaireV1, record, sleep, tokenOf } from '../support/workshop.js';

const dims = questionnaire.dimensions.map((d) => d.id);
const each = <T>(value: T) => Object.fromEntries(dims.map((d) => [d, value]));

async function attach(url: string, created: { code: string; facilitatorToken: string }): Promise<{ socket: TestSocket; state: FacilitatorState }> {
	const socket = await connect(url);
	const state = ok(await request(socket, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
	return { socket, state };
}

/** Starts the reveal and returns the figures pushed to the facilitator screen. */
async function reveal(facilitator: TestSocket, step: 'overall' | 'hidden' = 'overall') {
	const pushed = nextEvent(facilitator, 'session:results');
	ok(await request(facilitator, 'reveal:set', { step }));
	return (await pushed).results;
}

/** The figures the server shows for one group, without the parts the reference leaves out. */
const figuresOf = (results: PublishedResults | undefined) => results?.groups;

describe('live results', () => {
	const suite = serverPerSuite();

	it('counts every answer at the reveal: groups of 3, 5 and 8 at different paces equal a second computation from the SQLite file', async () => {
		const created = await createSession(suite.url, { title: 'Paces', groups: [{ label: 'Three', role: 'leadership' }, { label: 'Five', role: 'team' }, { label: 'Eight' }] });
		const { socket: facilitator } = await attach(suite.url, created);
		const seen = record(facilitator);
		const plan = [...Array(3).fill('g1'), ...Array(5).fill('g2'), ...Array(8).fill('g3')] as string[];
		const people = await Promise.all(plan.map((g) => join(suite.url, created.code, g)));
		// Everyone answers all 20 questions at once, each at their own pace (up to 4× slower than others),
		// with varied levels and some "don't know"; the slowest finish last, just before the reveal.
		await Promise.all(
			people.map(async (p, i) => {
				const pace = 1 + (i % 4);
				const answers = answersAtLevel((qi) => ((qi * 7 + i * 3) % 11 === 0 ? null : (((qi + i) % 3) + 1) as 1 | 2 | 3));
				for (const a of answers) {
					await sleep(pace * (2 + ((qi(a.questionId) + i) % 5)));
					ok(await request(p.socket, 'answer:submit', a));
				}
			})
		);
		// The presence push proving every answer reached the server's counts has arrived…
		await presenceWhere(facilitator, (p) => p.groups.every((g) => g.finished === g.joined && g.joined > 0));
		// …and no figure of any group left the server before the reveal.
		expect(seen.filter((s) => s.event === 'session:results' || s.event === 'session:reveal')).toEqual([]);

		const results = await reveal(facilitator);
		const reference = referenceFigures(suite.dataDir, created.code, questionnaire);
		expect(figuresOf(results)).toEqual(reference.groups);
		// Every person is in the figures, and the counts are the people they were computed from.
		expect(Object.values(results!.groups).map((g) => g.n)).toEqual([3, 5, 8]);
		expect(results!.held).toEqual({});
		// Details: a group of three shows means only; groups of five and eight show spread and distributions.
		expect(Object.values(results!.groups.g1!.suppressed ? {} : results!.groups.g1!.dimensions).every((d) => d.ad === undefined)).toBe(true);
		expect(Object.keys(results!.questions[questionnaire.questions[0]!.id]!).sort()).toEqual(['g2', 'g3']);
		for (const p of people) p.socket.close();
		facilitator.close();
	});

	it('equal hand-computed figures at the reveal; a group below the minimum reaches no client', async () => {
		const created = await createSession(suite.url);
		const { socket: facilitator, state } = await attach(suite.url, created);
		expect(state.results).toBeUndefined();
		const facSeen = record(facilitator);

		// Leadership: three people at level 3. Team: two at level 2, one at level 1. Others: only two people.
		const plan: [string, 1 | 2 | 3][] = [['g1', 3], ['g1', 3], ['g1', 3], ['g2', 2], ['g2', 2], ['g2', 1], ['g3', 1], ['g3', 3]];
		const people = await Promise.all(plan.map(([g]) => join(suite.url, created.code, g)));
		const partSeen = people.map((p) => record(p.socket));
		await Promise.all(people.map((p, i) => answerAll(p.socket, answersAtLevel(plan[i]![1]))));

		// No figures exist before the reveal, not even for the facilitator's token.
		const early = await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { authorization: `Bearer ${tokenOf(created)}` } });
		expect(early.status).toBe(409);
		expect(((await early.json()) as { error: { code: string } }).error.code).toBe('NOT_REVEALED');

		const phoneView = nextEvent(people[0]!.socket, 'session:reveal');
		await reveal(facilitator);
		expect((await phoneView).reveal).toEqual({ step: 'overall' });
		const res = await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { authorization: `Bearer ${tokenOf(created)}` } });
		expect(res.status).toBe(200);
		const results = (await res.json()) as Record<string, unknown>;
		// Groups of three show means but not their spread (details need 5 people by default).
		expect(results.groups).toEqual({
			g1: { suppressed: false, n: 3, dimensions: each({ n: 3, mean: 3, index: 100, level: 3, dontKnowShare: 0 }), overall: { mean: 3, index: 100, level: 3 } },
			g2: { suppressed: false, n: 3, dimensions: each({ n: 3, mean: 1.67, index: 33, level: 2, dontKnowShare: 0 }), overall: { mean: 1.67, index: 33, level: 2 } },
			g3: { suppressed: true, n: 2, needed: 1 }
		});
		// Everyone: per question 3, 3, 3, 2, 2, 1 around 2.33 gives an AD of 4/6 = 0.67 (AD_M(J), equal on every question).
		expect(results.everyone).toEqual({
			suppressed: false,
			n: 6,
			dimensions: each({ n: 6, mean: 2.33, index: 67, level: 2, dontKnowShare: 0, ad: 0.67, split: true }),
			overall: { mean: 2.33, index: 67, level: 2 }
		});
		// Groups of three: 3, 3, 3 against 2, 2, 1 is 1.33 apart, beyond 2 × SE = 2 × √((1/3) / 3) = 0.67, so notable.
		expect(results.gaps).toEqual(dims.map((d) => ({ dimensionId: d, delta: 1.33, notable: true, major: true, hint: false, muted: false, highGroupId: 'g1', lowGroupId: 'g2' })));
		expect(results.pairs).toEqual(dims.map((d) => ({ dimensionId: d, leadershipGroupId: 'g1', teamGroupId: 'g2', delta: 1.33, kind: 'blind-spot', hint: false })));
		expect(results.questions).toEqual({});
		expect(results.held).toEqual({});

		// Step through the reveal: phones follow with exactly the revealed parts.
		const groupsView = nextEvent(people[0]!.socket, 'session:reveal', (v) => v.reveal.step === 'groups');
		ok(await request(facilitator, 'reveal:set', { step: 'groups' }));
		const view = await groupsView;
		expect(view.results?.gaps).toBeUndefined();
		expect(view.results?.groups.g1?.dimensions?.vision?.mean).toBe(3);
		const lastView = nextEvent(people[7]!.socket, 'session:reveal', (v) => v.reveal.step === 'deep-dive');
		ok(await request(facilitator, 'reveal:set', { step: 'deep-dive', dimensionId: 'goals' }));
		await lastView;

		// Nothing any client received contains figures of the group of two.
		for (const { payload } of [...facSeen, ...partSeen.flat()]) {
			const text = JSON.stringify(payload);
			expect(text).not.toMatch(/"g3":\{"suppressed":false/);
			expect(text).not.toMatch(/"g3":\{"n":/);
		}
		facilitator.close();
		people.forEach((p) => p.socket.close());
	});

	it('a workshop stored on 1.0.0 keeps the 1.0.0 rules: spread of person means, no small-group hints', async () => {
		const created = await createSession(suite.url, { title: 'Old', questionnaireVersion: '1.0.0', groups: [{ label: 'Lead', role: 'leadership' }, { label: 'Team', role: 'team' }] });
		const { socket: facilitator } = await attach(suite.url, created);
		// Lead 3, 3, 2 against team 2, 2, 2: a notable gap in 1.0.0; format 2 would call it a hint.
		const plan: [string, 1 | 2 | 3][] = [['g1', 3], ['g1', 3], ['g1', 2], ['g2', 2], ['g2', 2], ['g2', 2], ['g2', 1], ['g2', 3]];
		const people = await Promise.all(plan.map(([g]) => join(suite.url, created.code, g)));
		await Promise.all(people.map((p, i) => answerAll(p.socket, answersAtLevel(plan[i]![1], questionnaireV1))));
		const results = (await reveal(facilitator))!;
		expect(figuresOf(results)).toEqual(referenceFigures(suite.dataDir, created.code, questionnaireV1).groups);
		expect(results.gaps.map((g) => [g.delta, g.notable, g.hint])).toEqual(questionnaireV1.dimensions.map(() => [0.67, true, false]));
		expect(JSON.stringify(results)).not.toMatch(/"transition"|"provisional"/);
		people.forEach((p) => p.socket.close());
		facilitator.close();
	});

	it('reopening answering: one changed person is held and said so; three changed people update the figures', async () => {
		const created = await createSession(suite.url, { title: 'Reopen', groups: [{ label: 'A', role: 'team' }, { label: 'B' }] });
		const { socket: facilitator } = await attach(suite.url, created);
		const people = await Promise.all(Array.from({ length: 5 }, () => join(suite.url, created.code, 'g1')));
		await Promise.all(people.map((p) => answerAll(p.socket, answersAtLevel(2))));
		const first = await reveal(facilitator);
		expect(first!.groups.g1).toMatchObject({ n: 5, overall: { mean: 2 } });

		// While results are shown, answers are refused and kept on the phone.
		const refused = await request(people[0]!.socket, 'answer:submit', answersAtLevel(3)[0]!);
		expect(refused.ok ? 'OK' : refused.error.code).toBe('ANSWERING_CLOSED');

		// Reopen: the figures disappear from every screen.
		const phoneHidden = nextEvent(people[0]!.socket, 'session:reveal', (v) => v.reveal.step === 'hidden');
		expect(await reveal(facilitator, 'hidden')).toBeUndefined();
		expect((await phoneHidden).results).toBeUndefined();

		// One person changes everything, another re-sends an unchanged answer (no change).
		await answerAll(people[0]!.socket, answersAtLevel(3));
		await answerAll(people[1]!.socket, answersAtLevel(2).slice(0, 1));
		const second = await reveal(facilitator);
		expect(second!.groups).toEqual(first!.groups);
		expect(second!.held).toEqual({ g1: { people: 1, reason: 'few-changes' } });
		const phone = await request(people[4]!.socket, 'session:join', { code: created.code, groupId: 'g1', resumeToken: people[4]!.joined.resumeToken });
		expect(ok(phone).reveal).toEqual({ step: 'overall' });

		// Two more people change something: three changed people, the figures move, nothing is held.
		await reveal(facilitator, 'hidden');
		await answerAll(people[1]!.socket, answersAtLevel(3));
		await answerAll(people[2]!.socket, answersAtLevel(1).slice(0, 1));
		const third = await reveal(facilitator);
		expect(third!.held).toEqual({});
		expect(figuresOf(third)).toEqual(referenceFigures(suite.dataDir, created.code, questionnaire).groups);
		expect(third!.groups.g1).not.toEqual(first!.groups.g1);
		people.forEach((p) => p.socket.close());
		facilitator.close();
	});

	it('fake members: a second join per connection is refused, an over-full group is held until confirmed, small groups show no details', async () => {
		const created = await createSession(suite.url, {
			title: 'Fakes',
			groups: [{ label: 'Lead', role: 'leadership', expected: 1 }, { label: 'Team', role: 'team' }]
		});
		const { socket: facilitator } = await attach(suite.url, created);
		// The victim is alone in "Lead"; the attacker joins there and tries to add a fake on the same connection.
		const victim = await join(suite.url, created.code, 'g1');
		const attacker = await join(suite.url, created.code, 'g1');
		const other = await request(attacker.socket, 'session:join', { code: created.code, groupId: 'g2' });
		expect(other.ok ? 'OK' : other.error.code).toBe('ALREADY_JOINED');
		// The same join again (as a phone retries after a lost ack) is the same person, not a new one.
		expect(ok(await request(attacker.socket, 'session:join', { code: created.code, groupId: 'g1' })).participantId).toBe(attacker.joined.participantId);
		// Rejoining with one's own resume token on the same connection stays fine.
		ok(await request(attacker.socket, 'session:join', { code: created.code, groupId: 'g1', resumeToken: attacker.joined.resumeToken }));
		// With a fresh connection the attacker gets a second fake; the group now has 3 (1 expected).
		const fake = await join(suite.url, created.code, 'g1');
		const warned = await presenceWhere(facilitator, (p) => p.groups[0]!.joined === 3);
		expect(warned.groups[0]).toMatchObject({ expected: 1, unconfirmed: true });

		await answerAll(victim.socket, answersAtLevel(3));
		await answerAll(attacker.socket, answersAtLevel(1));
		await answerAll(fake.socket, answersAtLevel(1));
		const team = await Promise.all(Array.from({ length: 3 }, () => join(suite.url, created.code, 'g2')));
		await Promise.all(team.map((p) => answerAll(p.socket, answersAtLevel(2))));

		const held = await reveal(facilitator);
		// The over-full group shows no figure at all, and nothing of it is in "everyone".
		expect(held!.groups.g1).toEqual({ suppressed: true, n: 0, needed: 3 });
		expect(held!.held).toEqual({ g1: { people: 3, reason: 'unconfirmed' } });
		expect(held!.everyone.n).toBe(3);

		// The facilitator confirms: the group is published, with means but no details (3 < 5).
		const released = nextEvent(facilitator, 'session:results', (r) => r.results?.groups.g1?.suppressed === false);
		ok(await request(facilitator, 'group:confirm', { groupId: 'g1' }));
		const results = (await released).results!;
		expect(results.held).toEqual({});
		const lead = results.groups.g1!;
		if (lead.suppressed) throw new Error('expected figures');
		expect(Object.values(lead.dimensions).every((d) => d.ad === undefined && d.split === undefined)).toBe(true);
		expect(Object.values(results.questions).some((byGroup) => 'g1' in byGroup)).toBe(false);
		[victim, attacker, fake, ...team].forEach((p) => p.socket.close());
		facilitator.close();
	});

	it('moves a second facilitator screen along with the reveal', async () => {
		const created = await createSession(suite.url);
		const { socket: first } = await attach(suite.url, created);
		const { socket: second } = await attach(suite.url, created);
		const followed = nextEvent(second, 'session:reveal');
		const figures = nextEvent(second, 'session:results');
		ok(await request(first, 'reveal:set', { step: 'agenda' }));
		expect(await followed).toEqual({ code: created.code, reveal: { step: 'agenda' } });
		expect((await figures).results?.minGroupSize).toBe(3);
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
		const { socket: facilitator } = await attach(suite.url, created);
		for (const bad of [{ step: 'deep-dive' }, { step: 'overall', dimensionId: 'vision' }, { step: 'deep-dive', dimensionId: 'nope' }, { step: 'everything' }]) {
			const ack = await request(facilitator, 'reveal:set', bad as never);
			expect(ack.ok ? 'OK' : ack.error.code).toBe('INVALID_PAYLOAD');
		}
		socket.close();
		facilitator.close();
	});
});

const questionIndex = new Map(questionnaire.questions.map((q, i) => [q.id, i]));
function qi(questionId: string): number {
	return questionIndex.get(questionId) ?? 0;
}
