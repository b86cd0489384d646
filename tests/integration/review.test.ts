import { describe, expect, it } from 'vitest';
import type { OutcomeState } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { inProcessSuite } from '../support/in-process.js';
import { connect, createSession, facilitatorCookie, join, nextEvent, ok } from '../support/workshop.js';

describe('measuring again: the review of the previous roadmap', () => {
	const suite = inProcessSuite();

	it('a follow-up starts with the review: the facilitator sets statuses, phones judge finished measures, answering follows', async () => {
		const first = await createSession(suite.url, { title: 'Erste Messung' });
		const fac1 = await connect(suite.url);
		ok(await request(fac1, 'facilitator:attach', { code: first.code, token: first.facilitatorToken }));
		const quick = ok(await request(fac1, 'measure:create', { title: 'FAQ', dimensionId: 'engagement', kind: 'quick-win', startMonth: 1, endMonth: 2 })).measure;
		const project = ok(await request(fac1, 'measure:create', { title: 'KPI-Baum', dimensionId: 'goals', kind: 'project', startMonth: 2, endMonth: 9 })).measure;
		fac1.close();

		const next = await createSession(suite.url, { title: 'Folgemessung', followUpOf: first.code }, await facilitatorCookie(suite.url));
		const fac = await connect(suite.url);
		const state = ok(await request(fac, 'facilitator:attach', { code: next.code, token: next.facilitatorToken }));
		expect(state.reveal).toEqual({ step: 'review' });
		expect(state.outcome.review?.measures.map((m) => m.title)).toEqual(['FAQ', 'KPI-Baum']);

		const phone = await join(suite.url, next.code, 'g1');
		expect(phone.joined.reveal).toEqual({ step: 'review' });
		// Answers wait until the review is over; only finished measures get a verdict.
		const early = await request(phone.socket, 'answer:submit', { questionId: 'x', optionId: null });
		expect(early.ok ? 'OK' : early.error.code).not.toBe('OK');
		const notDone = await request(phone.socket, 'review:vote', { measureId: quick.id, verdict: 'yes' });
		expect(notDone.ok ? 'OK' : notDone.error.code).toBe('UNKNOWN_MEASURE');

		ok(await request(fac, 'review:status', { measureId: quick.id, status: 'done', version: quick.version }));
		const stale = await request(fac, 'review:status', { measureId: quick.id, status: 'dropped', version: quick.version });
		expect(stale.ok ? 'OK' : stale.error.code).toBe('CONFLICT');
		const counted = nextEvent(fac, 'outcome:changed', (s: OutcomeState) => s.outcome.review?.verdicts[quick.id]?.partly === 1);
		expect(ok(await request(phone.socket, 'review:vote', { measureId: quick.id, verdict: 'partly' }))).toEqual({ measureId: quick.id, verdict: 'partly' });
		await counted;
		// The status changed the previous workshop's own roadmap.
		const before = await (await fetch(`${suite.url}/api/sessions/${first.code}/outcome`, { headers: { authorization: `Bearer ${first.facilitatorToken}` } })).json();
		expect((before as { measures: { id: string; status: string }[] }).measures.map((m) => [m.id, m.status])).toEqual([[quick.id, 'done'], [project.id, 'planned']]);

		// Answering follows the review; a verdict is refused after it.
		ok(await request(fac, 'reveal:set', { step: 'hidden' }));
		const late = await request(phone.socket, 'review:vote', { measureId: quick.id, verdict: 'yes' });
		expect(late.ok ? 'OK' : late.error.code).toBe('STEP_CLOSED');
		phone.socket.close();
		const back = await join(suite.url, next.code, 'g1', phone.joined.resumeToken);
		expect(back.joined.verdicts).toEqual({ [quick.id]: 'partly' });
		[fac, back.socket].forEach((s) => s.close());
	});
});
