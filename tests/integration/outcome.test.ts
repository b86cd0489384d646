import { afterAll, describe, expect, it } from 'vitest';
import type { Ack, ErrorCode, Measure, OutcomeState } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from '../support/server-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { answerAll, answersAtLevel, connect, createSession, join, nextEvent, ok, tokenOf } from '../support/workshop.js';

const errorOf = (ack: Ack<unknown>): ErrorCode | 'OK' => (ack.ok ? 'OK' : ack.error.code);

type OutcomeApi = {
	agreements: { dimensionId: string; current: number | null; target: number | null; note: string }[];
	ideas: { id: string; text: string; dimensionId: string | null; votes: number | null; hidden: boolean }[];
	measures: (Omit<Measure, 'version'> & { version: number })[];
	voting: { closed: boolean; votesPerPerson: number; voters: number };
};

async function outcomeOf(url: string, code: string, token: string): Promise<OutcomeApi> {
	const res = await fetch(`${url}/api/sessions/${code}/outcome`, { headers: { authorization: `Bearer ${token}` } });
	expect(res.status).toBe(200);
	return (await res.json()) as OutcomeApi;
}

describe('the workshop outcome: agreements, ideas, votes, the roadmap', () => {
	const dataDir = makeDataDir();
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
		removeDataDir(dataDir);
	});

	it('3 groups × 3 phones propose and vote; the facilitator merges and plans; two screens race; everything acked survives SIGKILL', async () => {
		server = await startServer({ dataDir });
		const url = server.url;
		const created = await createSession(url, { title: 'Outcome', votesPerPerson: 3 });
		const token = tokenOf(created);
		const facilitator = await connect(url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token }));
		const phones = await Promise.all(['g1', 'g1', 'g1', 'g2', 'g2', 'g2', 'g3', 'g3', 'g3'].map((g) => join(url, created.code, g)));
		await Promise.all(phones.map((p, i) => answerAll(p.socket, answersAtLevel(((i % 3) + 1) as 1 | 2 | 3))));

		// Before the ideas step, phones cannot propose; participants cannot use facilitator events.
		expect(errorOf(await request(phones[0]!.socket, 'idea:submit', { text: 'Too early' }))).toBe('STEP_CLOSED');
		expect(errorOf(await request(phones[0]!.socket, 'agreement:set', { dimensionId: 'vision', current: 1, target: 2 }))).toBe('FORBIDDEN');
		expect(errorOf(await request(phones[0]!.socket, 'measure:create', { title: 'x', dimensionId: 'vision', kind: 'project', startMonth: 1, endMonth: 6 }))).toBe('FORBIDDEN');

		// agree: the room agrees on vision; a target below today is refused with the field.
		ok(await request(facilitator, 'reveal:set', { step: 'agree', dimensionId: 'vision' }));
		const low = await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: 2, target: 1 });
		expect(low.ok ? undefined : low.error).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'target' });
		const agreed = ok(await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: 1, target: 2, note: 'Leadership sees a strategy the team has never heard of.' })).agreement;
		expect(agreed).toMatchObject({ current: 1, target: 2, version: 1 });
		// Without the version, a second write to an existing agreement is a conflict, not an overwrite.
		const blind = await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: 2, target: 3 });
		expect(blind.ok ? undefined : blind.error).toMatchObject({ code: 'CONFLICT', current: { current: 1, target: 2, version: 1 } });
		ok(await request(facilitator, 'agreement:set', { dimensionId: 'goals', current: null, target: null }));

		// ideas: everyone proposes; text is cleaned; at most 10 per person.
		ok(await request(facilitator, 'reveal:set', { step: 'ideas' }));
		const wall = nextEvent(facilitator, 'outcome:changed', (s: OutcomeState) => s.outcome.ideas.length >= 9);
		const ideas = await Promise.all(phones.map((p, i) => request(p.socket, 'idea:submit', { text: ` Idea\u200B ${i + 1} <b>bold</b> `, ...(i % 2 ? { dimensionId: 'goals' } : {}) })));
		const ids = ideas.map((a) => ok(a).idea.id);
		expect(ok(ideas[0]!).idea.text).toBe('Idea 1 <b>bold</b>');
		expect((await wall).outcome.contributors).toBe(9);
		for (let n = 2; n <= 10; n++) ok(await request(phones[0]!.socket, 'idea:submit', { text: `More ${n}` }));
		expect(errorOf(await request(phones[0]!.socket, 'idea:submit', { text: 'Eleven' }))).toBe('IDEA_LIMIT');
		expect(errorOf(await request(phones[1]!.socket, 'idea:submit', { text: '\u200B\u202E' }))).toBe('INVALID_PAYLOAD');
		expect(errorOf(await request(phones[1]!.socket, 'idea:submit', { text: 'x'.repeat(201) }))).toBe('INVALID_PAYLOAD');

		// The facilitator merges idea 2 into idea 1 and hides idea 9.
		const merged = ok(await request(facilitator, 'idea:merge', { sourceId: ids[1]!, targetId: ids[0]! })).idea;
		expect(merged.id).toBe(ids[0]);
		const nine = (await outcomeOf(url, created.code, token)).ideas.find((i) => i.id === ids[8])!;
		ok(await request(facilitator, 'idea:update', { id: ids[8]!, version: 1, hidden: true }));
		expect(nine.hidden).toBe(false);

		// vote: budget enforced, repeats counted, merged ideas count for their target, hidden ones are gone.
		ok(await request(facilitator, 'reveal:set', { step: 'vote' }));
		expect(errorOf(await request(phones[0]!.socket, 'idea:submit', { text: 'Late' }))).toBe('STEP_CLOSED');
		expect(errorOf(await request(phones[0]!.socket, 'vote:set', { ideaIds: [ids[0]!, ids[0]!, ids[2]!, ids[3]!] }))).toBe('VOTE_BUDGET');
		expect(errorOf(await request(phones[0]!.socket, 'vote:set', { ideaIds: ['nope'] }))).toBe('UNKNOWN_IDEA');
		expect(errorOf(await request(phones[0]!.socket, 'vote:set', { ideaIds: [ids[8]!] }))).toBe('UNKNOWN_IDEA');
		// Phone 0 puts two dots on idea 1 and one on idea 3; phone 1 votes for the merged idea 2 (= idea 1).
		expect(ok(await request(phones[0]!.socket, 'vote:set', { ideaIds: [ids[0]!, ids[0]!, ids[2]!] }))).toEqual({ ideaIds: [ids[0]!, ids[0]!, ids[2]!].sort(), remaining: 0 });
		expect(ok(await request(phones[1]!.socket, 'vote:set', { ideaIds: [ids[1]!] })).remaining).toBe(2);
		// Setting a selection again replaces it (idempotent).
		for (let i = 0; i < 2; i++) ok(await request(phones[2]!.socket, 'vote:set', { ideaIds: [ids[2]!, ids[3]!] }));
		// Totals stay hidden while voting runs.
		const during = await outcomeOf(url, created.code, token);
		expect(during.ideas.every((i) => i.votes === null)).toBe(true);
		expect(during.voting).toEqual({ closed: false, votesPerPerson: 3, voters: 3 });

		// roadmap: moving on ends voting; totals appear, the merged idea carries both ideas' dots.
		ok(await request(facilitator, 'reveal:set', { step: 'roadmap' }));
		expect(errorOf(await request(phones[3]!.socket, 'vote:set', { ideaIds: [ids[0]!] }))).toBe('STEP_CLOSED');
		const after = await outcomeOf(url, created.code, token);
		const votes = Object.fromEntries(after.ideas.map((i) => [i.id, i.votes]));
		expect(votes[ids[0]!]).toBe(3);
		expect(votes[ids[2]!]).toBe(2);
		expect(votes[ids[3]!]).toBe(1);
		expect(after.ideas.some((i) => i.id === ids[1])).toBe(false);

		// Measures: months and quick wins checked, with the field named.
		const bad = async (payload: Record<string, unknown>) => {
			const ack = await request(facilitator, 'measure:create', { title: 'x', dimensionId: 'vision', kind: 'project', startMonth: 1, endMonth: 6, ...payload } as never);
			return ack.ok ? 'OK' : `${ack.error.code}:${ack.error.field}`;
		};
		expect(await bad({ kind: 'quick-win', endMonth: 4 })).toBe('INVALID_PAYLOAD:endMonth');
		expect(await bad({ startMonth: 5, endMonth: 4 })).toBe('INVALID_PAYLOAD:endMonth');
		expect(await bad({ endMonth: 13 })).toBe('INVALID_PAYLOAD:endMonth');
		expect(await bad({ startMonth: 0 })).toBe('INVALID_PAYLOAD:startMonth');
		expect(await bad({ dimensionId: 'nope' })).toBe('INVALID_PAYLOAD:dimensionId');
		const quick = ok(
			await request(facilitator, 'measure:create', { title: 'Publish the service mission', dimensionId: 'vision', kind: 'quick-win', startMonth: 1, endMonth: 2, owner: 'Head of service', metric: 'Every agent can say it', effort: 'S', impact: 'M', ideaId: ids[0]! })
		).measure;
		const project = ok(await request(facilitator, 'measure:create', { title: 'KPI tree', dimensionId: 'goals', kind: 'project', startMonth: 2, endMonth: 9 })).measure;
		// An update that would make a quick win end after month 3 is refused with the field.
		const late = await request(facilitator, 'measure:update', { id: quick.id, version: quick.version, endMonth: 5 });
		expect(late.ok ? undefined : late.error).toMatchObject({ code: 'INVALID_PAYLOAD', field: 'endMonth' });

		// Two facilitator screens race on one measure: exactly one wins, the other gets CONFLICT with the winner's state.
		const second = await connect(url);
		ok(await request(second, 'facilitator:attach', { code: created.code, token }));
		const race = await Promise.all([
			request(facilitator, 'measure:update', { id: project.id, version: project.version, owner: 'Screen A' }),
			request(second, 'measure:update', { id: project.id, version: project.version, owner: 'Screen B' })
		]);
		const winners = race.filter((a) => a.ok);
		const losers = race.filter((a) => !a.ok);
		expect([winners.length, losers.length]).toEqual([1, 1]);
		const winner = ok(winners[0]!).measure;
		expect(winner.version).toBe(project.version + 1);
		expect(losers[0]!.ok ? undefined : losers[0]!.error).toMatchObject({ code: 'CONFLICT', current: { owner: winner.owner, version: winner.version } });

		const deleted = ok(await request(facilitator, 'measure:create', { title: 'Gone', dimensionId: 'planning', kind: 'project', startMonth: 3, endMonth: 4 })).measure;
		ok(await request(facilitator, 'measure:delete', { id: deleted.id }));
		expect(errorOf(await request(facilitator, 'measure:delete', { id: deleted.id }))).toBe('UNKNOWN_MEASURE');

		// SIGKILL right after the last ack, then restart: the outcome API returns everything acked.
		const before = await outcomeOf(url, created.code, token);
		await server.kill();
		server = await startServer({ dataDir });
		const restored = await outcomeOf(server.url, created.code, token);
		expect(restored).toEqual(before);
		expect(restored.agreements).toEqual([
			{ dimensionId: 'vision', current: 1, target: 2, note: 'Leadership sees a strategy the team has never heard of.', version: 1 },
			{ dimensionId: 'goals', current: null, target: null, note: '', version: 1 }
		]);
		expect(restored.measures.map((m) => m.title)).toEqual(['Publish the service mission', 'KPI tree']);
		expect(restored.measures[1]!.owner).toBe(winner.owner);
		expect(restored.ideas.filter((i) => i.votes && i.votes > 0).length).toBe(3);
		for (const s of [facilitator, second, ...phones.map((p) => p.socket)] as TestSocket[]) s.close();
	});

	it('phones follow the outcome steps with exactly what the room sees, never who wrote or voted what', async () => {
		const url = server!.url;
		const created = await createSession(url, { title: 'Phones' });
		const facilitator = await connect(url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }));
		const phone = await join(url, created.code, 'g1');
		const other = await join(url, created.code, 'g2');
		ok(await request(facilitator, 'reveal:set', { step: 'ideas' }));
		const mine = ok(await request(phone.socket, 'idea:submit', { text: 'Weekly learning from complaints', dimensionId: 'organisation' }));
		expect(mine.proposed).toBe(1);
		ok(await request(other.socket, 'idea:submit', { text: 'Self-service pages for the top ten questions' }));
		// The facilitator hides nothing; phones get the wall when the room moves to voting.
		const view = nextEvent(phone.socket, 'session:reveal', (v) => v.reveal.step === 'vote');
		ok(await request(facilitator, 'reveal:set', { step: 'vote' }));
		const shown = await view;
		expect(shown.outcome?.ideas?.map((i) => i.text).sort()).toEqual(['Self-service pages for the top ten questions', 'Weekly learning from complaints']);
		expect(JSON.stringify(shown)).not.toContain(phone.joined.participantId);
		expect(JSON.stringify(shown)).not.toContain(other.joined.participantId);
		expect(shown.outcome?.voting).toEqual({ closed: false, votesPerPerson: 3, voters: 0 });
		ok(await request(phone.socket, 'vote:set', { ideaIds: [mine.idea.id] }));
		// A rejoin restores the phone's own ideas count and dots.
		phone.socket.close();
		const back = await join(url, created.code, 'g1', phone.joined.resumeToken);
		expect([back.joined.ideasProposed, back.joined.votes]).toEqual([1, [mine.idea.id]]);
		// Closing the session: phones can no longer vote, the facilitator can still edit.
		ok(await request(facilitator, 'session:close', {}));
		expect(errorOf(await request(back.socket, 'vote:set', { ideaIds: [] }))).toBe('SESSION_CLOSED');
		ok(await request(facilitator, 'idea:create', { text: 'Added after the end', suggestion: true }));
		[facilitator, back.socket, other.socket].forEach((s) => s.close());
	});
});
