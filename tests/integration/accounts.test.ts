import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { TrendMeasurement, WorkshopSummary } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import { inProcessSuite } from '../support/in-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { answerAll, answersAtLevel, connect, createSession, join, ok, signIn, TEST_FACILITATOR } from '../support/workshop.js';

const json = (body: unknown, cookie?: string, extra: Record<string, string> = {}) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...extra },
	body: JSON.stringify(body)
});
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';

async function socketWithCookie(url: string, cookie: string): Promise<TestSocket> {
	const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
	await new Promise((done) => socket.once('connect', () => done(undefined)));
	return socket;
}

describe('accounts: first run, sign-in, invitations, resets', () => {
	const suite = inProcessSuite();

	it('the first run creates exactly one admin, even when two requests race; then /setup is gone', async () => {
		const [a, b] = await Promise.all([
			fetch(`${suite.url}/api/auth/setup`, json({ email: 'first@x.test', password: 'a long password one', name: 'First' })),
			fetch(`${suite.url}/api/auth/setup`, json({ email: 'second@x.test', password: 'a long password two', name: 'Second' }))
		]);
		expect([a.status, b.status].sort()).toEqual([201, 409]);
		const winner = a.status === 201 ? a : b;
		expect(winner.headers.get('set-cookie')).toMatch(/standort_session=.+; .*HttpOnly/i);
		expect(winner.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
		const loser = a.status === 201 ? b : a;
		expect(((await loser.json()) as { error: { code: string } }).error.code).toBe('ALREADY_SET_UP');
		expect(suite.server!.db.prepare('SELECT count(*) AS n, sum(is_admin) AS admins FROM accounts').get()).toEqual({ n: 1, admins: 1 });
		expect((await fetch(`${suite.url}/api/auth/setup`, json({ email: 'late@x.test', password: 'a long password', name: 'Late' }))).status).toBe(409);
	});

	it('signs in with a new session each time, signs out, and signs out everywhere', async () => {
		const admin = (suite.server!.db.prepare('SELECT email FROM accounts WHERE is_admin = 1').get() as { email: string }).email;
		const password = admin === 'first@x.test' ? 'a long password one' : 'a long password two';
		const one = cookieOf(await fetch(`${suite.url}/api/auth/login`, json({ email: admin.toUpperCase(), password })));
		const two = cookieOf(await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password })));
		expect(one).not.toBe(two);
		expect((await fetch(`${suite.url}/api/auth/me`, { headers: { cookie: one } })).status).toBe(200);
		await fetch(`${suite.url}/api/auth/logout`, json({}, one));
		expect((await fetch(`${suite.url}/api/auth/me`, { headers: { cookie: one } })).status).toBe(401);
		expect((await fetch(`${suite.url}/api/auth/me`, { headers: { cookie: two } })).status).toBe(200);
		const three = cookieOf(await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password })));
		await fetch(`${suite.url}/api/auth/logout-everywhere`, json({}, three));
		for (const c of [two, three]) expect((await fetch(`${suite.url}/api/auth/me`, { headers: { cookie: c } })).status).toBe(401);
	});

	it('failed sign-ins are limited per account and address, without locking the account out for someone elsewhere', async () => {
		const admin = (suite.server!.db.prepare('SELECT email FROM accounts WHERE is_admin = 1').get() as { email: string }).email;
		const password = admin === 'first@x.test' ? 'a long password one' : 'a long password two';
		const from = (address: string) => ({ 'x-forwarded-for': address });
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password: 'wrong password!' }, undefined, from('203.0.113.5')))).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
		// The right password from the attacker's address waits out the window…
		expect((await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password }, undefined, from('203.0.113.5')))).status).toBe(429);
		// …the owner elsewhere signs in at once.
		expect((await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password }, undefined, from('198.51.100.20')))).status).toBe(200);
		expect((await fetch(`${suite.url}/api/auth/login`, json({ email: 'nobody@x.test', password }, undefined, from('198.51.100.21')))).status).toBe(401);
	});

	it('invitations and resets are one-time links that expire; only an admin makes them', async () => {
		const admin = (suite.server!.db.prepare('SELECT email FROM accounts WHERE is_admin = 1').get() as { email: string }).email;
		const adminCookie = cookieOf(await fetch(`${suite.url}/api/auth/login`, json({ email: admin, password: admin === 'first@x.test' ? 'a long password one' : 'a long password two' })));
		const invite = (await (await fetch(`${suite.url}/api/invites`, json({}, adminCookie))).json()) as { token: string; url: string };
		expect(invite.url).toMatch(/\/invite#token=/);
		const accepted = await fetch(`${suite.url}/api/auth/accept-invite`, json({ token: invite.token, email: 'colleague@x.test', password: 'colleague password', name: 'Colleague' }));
		expect(accepted.status).toBe(201);
		const colleague = cookieOf(accepted);
		expect((await fetch(`${suite.url}/api/auth/accept-invite`, json({ token: invite.token, email: 'other@x.test', password: 'other password!', name: 'Other' }))).status).toBe(410);
		// A colleague is no admin.
		expect((await fetch(`${suite.url}/api/invites`, json({}, colleague))).status).toBe(403);
		// An expired invitation is refused.
		const old = (await (await fetch(`${suite.url}/api/invites`, json({}, adminCookie))).json()) as { token: string };
		suite.server!.db.prepare("UPDATE account_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE used_at IS NULL").run();
		expect((await fetch(`${suite.url}/api/auth/accept-invite`, json({ token: old.token, email: 'late@x.test', password: 'late password!!', name: 'Late' }))).status).toBe(410);

		// Reset: a one-time link from the admin; the new password works, the old one and old sessions do not.
		const reset = (await (await fetch(`${suite.url}/api/accounts/reset-link`, json({ email: 'colleague@x.test' }, adminCookie))).json()) as { token: string };
		expect((await fetch(`${suite.url}/api/auth/reset`, json({ token: reset.token, password: 'a brand new password' }))).status).toBe(200);
		expect((await fetch(`${suite.url}/api/auth/reset`, json({ token: reset.token, password: 'yet another password' }))).status).toBe(410);
		expect((await fetch(`${suite.url}/api/auth/me`, { headers: { cookie: colleague } })).status).toBe(401);
		expect((await fetch(`${suite.url}/api/auth/login`, json({ email: 'colleague@x.test', password: 'a brand new password' }))).status).toBe(200);
	});
});

describe('the operator reset link', () => {
	it('npm run admin -- reset-password prints a working one-time link', async () => {
		const { startInProcess } = await import('../support/in-process.js');
		const server = await startInProcess();
		try {
			await signIn(server.url);
			const run = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../dist/server/admin.js'), 'reset-password', TEST_FACILITATOR.email], {
				env: { ...process.env, DATA_DIR: server.dataDir, MIGRATIONS_DIR: resolve(import.meta.dirname, '../../db'), QUESTIONNAIRES_DIR: resolve(import.meta.dirname, '../../questionnaires') },
				encoding: 'utf8'
			});
			expect(run.status).toBe(0);
			const token = /#token=(\S+)/.exec(run.stdout)?.[1];
			expect(token).toBeDefined();
			expect((await fetch(`${server.url}/api/auth/reset`, json({ token, password: 'reset by the operator' }))).status).toBe(200);
			expect(spawnSync(process.execPath, [resolve(import.meta.dirname, '../../dist/server/admin.js'), 'reset-password', 'nobody@x.test'], { env: { ...process.env, DATA_DIR: server.dataDir }, encoding: 'utf8' }).status).toBe(1);
		} finally {
			await server.stop();
		}
	});
});

describe('workshops belong to accounts', () => {
	const suite = inProcessSuite();

	it('creating needs a signed-in facilitator; another account sees nothing of a workshop, on any route or socket event', async () => {
		expect((await fetch(`${suite.url}/api/sessions`, json({ title: 'Anonymous' }))).status).toBe(401);
		const owner = await signIn(suite.url);
		const adminInvite = (await (await fetch(`${suite.url}/api/invites`, json({}, owner))).json()) as { token: string };
		const stranger = cookieOf(await fetch(`${suite.url}/api/auth/accept-invite`, json({ token: adminInvite.token, email: 'stranger@x.test', password: 'stranger password', name: 'Stranger' })));
		const created = await createSession(suite.url, { title: 'Mine', client: 'Nordlicht GmbH' }, owner);

		// Owner: every route works with the cookie alone.
		const routes = ['results', 'outcome', 'trend', 'report.json', 'export.xlsx', 'roadmap.ics'];
		for (const path of routes) expect((await fetch(`${suite.url}/api/sessions/${created.code}/${path}`, { headers: { cookie: owner } })).status, path).not.toBe(404);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/report.json`, { headers: { cookie: owner } })).status).toBe(200);
		// Stranger: 404 everywhere, as if the code did not exist.
		for (const path of routes) expect((await fetch(`${suite.url}/api/sessions/${created.code}/${path}`, { headers: { cookie: stranger } })).status, path).toBe(404);
		for (const [method, path] of [['POST', 'share'], ['POST', 'duplicate'], ['POST', 'claim']] as const)
			expect((await fetch(`${suite.url}/api/sessions/${created.code}/${path}`, { ...json({ email: 'stranger@x.test' }, stranger), method })).status).toBe(404);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}`, { method: 'DELETE', headers: { cookie: stranger } })).status).toBe(404);
		const list = (await (await fetch(`${suite.url}/api/workshops`, { headers: { cookie: stranger } })).json()) as { workshops: WorkshopSummary[] };
		expect(list.workshops).toEqual([]);
		// Sockets: the owner's browser attaches by its session cookie; the stranger's cannot.
		const ownerSocket = await socketWithCookie(suite.url, owner);
		expect(ok(await request(ownerSocket, 'facilitator:attach', { code: created.code })).session.code).toBe(created.code);
		const strangerSocket = await socketWithCookie(suite.url, stranger);
		const refused = await request(strangerSocket, 'facilitator:attach', { code: created.code });
		expect(refused.ok ? 'OK' : refused.error.code).toBe('FORBIDDEN');
		const refusedControl = await request(strangerSocket, 'reveal:set', { step: 'overall' });
		expect(refusedControl.ok ? 'OK' : refusedControl.error.code).toBe('FORBIDDEN');

		// Sharing makes the stranger a co-facilitator: the workshop appears in their list and routes open.
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/share`, json({ email: 'stranger@x.test' }, owner))).status).toBe(204);
		const shared = (await (await fetch(`${suite.url}/api/workshops`, { headers: { cookie: stranger } })).json()) as { workshops: WorkshopSummary[] };
		expect(shared.workshops.map((w) => [w.code, w.role, w.client])).toEqual([[created.code, 'co-facilitator', 'Nordlicht GmbH']]);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { cookie: stranger } })).status).toBe(409);
		// A co-facilitator cannot delete the owner's workshop.
		expect((await fetch(`${suite.url}/api/sessions/${created.code}`, { method: 'DELETE', headers: { cookie: stranger } })).status).toBe(403);
		[ownerSocket, strangerSocket].forEach((s) => s.close());
	});

	it('cookie-authenticated changes from another origin are refused (CSRF)', async () => {
		const owner = await signIn(suite.url);
		const foreign = await fetch(`${suite.url}/api/sessions`, json({ title: 'Forged' }, owner, { origin: 'https://evil.example' }));
		expect(foreign.status).toBe(403);
		const own = await fetch(`${suite.url}/api/sessions`, json({ title: 'Own page' }, owner, { origin: suite.url }));
		expect(own.status).toBe(201);
		// The socket handshake checks Origin too.
		const evil = io(suite.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { origin: 'https://evil.example', cookie: owner } });
		const refused = await new Promise<boolean>((done) => {
			evil.once('connect', () => done(false));
			evil.once('connect_error', () => done(true));
		});
		evil.close();
		expect(refused).toBe(true);
	});

	it('a workshop run by link only is claimed into the account by its link', async () => {
		const owner = await signIn(suite.url);
		const created = await createSession(suite.url, { title: 'Link only' }, owner);
		// Make it link-only, as workshops from before accounts are.
		suite.server!.db.prepare('UPDATE sessions SET owner_account_id = NULL WHERE code = ?').run(created.code);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/claim`, json({}, owner))).status).toBe(404);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}/claim`, json({}, owner, { authorization: `Bearer ${created.facilitatorToken}` }))).status).toBe(204);
		const list = (await (await fetch(`${suite.url}/api/workshops`, { headers: { cookie: owner } })).json()) as { workshops: WorkshopSummary[] };
		expect(list.workshops.some((w) => w.code === created.code && w.role === 'owner')).toBe(true);
	});

	it('measuring again: a chain of three workshops gives the hand-computed trend', async () => {
		const owner = await signIn(suite.url);
		const levels: [1 | 2 | 3, 1 | 2 | 3][] = [[3, 1], [3, 2], [2, 2]];
		let previous: string | undefined;
		const codes: string[] = [];
		for (const [lead, team] of levels) {
			const created = await createSession(suite.url, { title: 'Check', client: 'Trend GmbH', ...(previous ? { followUpOf: previous } : {}) }, owner);
			codes.push(created.code);
			const people = await Promise.all([...Array(3).fill('g1'), ...Array(3).fill('g2'), 'g3'].map((g) => join(suite.url, created.code, g as string)));
			await Promise.all(people.map((p, i) => answerAll(p.socket, answersAtLevel(i < 3 ? lead : i < 6 ? team : 1))));
			const facilitator = await connect(suite.url);
			ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
			ok(await request(facilitator, 'reveal:set', { step: 'overall' }));
			ok(await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: team, target: 3 }));
			[facilitator, ...people.map((p) => p.socket)].forEach((s) => s.close());
			previous = created.code;
		}
		// Any workshop of the chain gives the whole chain, oldest first.
		const trend = (await (await fetch(`${suite.url}/api/sessions/${codes[1]}/trend`, { headers: { cookie: owner } })).json()) as { measurements: TrendMeasurement[] };
		expect(trend.measurements.map((m) => m.code)).toEqual(codes);
		expect(trend.measurements.map((m) => [m.groups.g1!.dimensions.vision!.mean, m.groups.g2!.dimensions.vision!.mean])).toEqual(levels);
		// The group of one person is missing in every measurement, not estimated.
		expect(trend.measurements.map((m) => m.groups.g3)).toEqual(codes.map(() => ({ n: 1, suppressed: true, dimensions: {} })));
		expect(trend.measurements.map((m) => m.agreements.vision)).toEqual(levels.map(([, team]) => ({ current: team, target: 3 })));
		// The follow-ups kept the first workshop's client and groups.
		const list = (await (await fetch(`${suite.url}/api/workshops`, { headers: { cookie: owner } })).json()) as { workshops: WorkshopSummary[] };
		expect(list.workshops.filter((w) => codes.includes(w.code)).map((w) => [w.client, w.followUpOf])).toEqual([
			['Trend GmbH', codes[1]],
			['Trend GmbH', codes[0]],
			['Trend GmbH', null]
		]);
	});

	it('delete means gone: no row of the workshop is left in any table, and its code is unknown everywhere', async () => {
		const owner = await signIn(suite.url);
		const created = await createSession(suite.url, { title: 'To delete' }, owner);
		const people = await Promise.all(['g1', 'g1', 'g1'].map((g) => join(suite.url, created.code, g)));
		await Promise.all(people.map((p) => answerAll(p.socket, answersAtLevel(2))));
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
		ok(await request(facilitator, 'reveal:set', { step: 'ideas' }));
		ok(await request(people[0]!.socket, 'idea:submit', { text: 'An idea' }));
		ok(await request(facilitator, 'agreement:set', { dimensionId: 'vision', current: 1, target: 2 }));
		ok(await request(facilitator, 'measure:create', { title: 'M', dimensionId: 'vision', kind: 'project', startMonth: 1, endMonth: 4 }));
		[facilitator, ...people.map((p) => p.socket)].forEach((s) => s.close());
		const db = suite.server!.db;
		const id = (db.prepare('SELECT id FROM sessions WHERE code = ?').get(created.code) as { id: number }).id;
		const rows = () => ({
			sessions: db.prepare('SELECT count(*) AS n FROM sessions WHERE id = ?').get(id),
			groups: db.prepare('SELECT count(*) AS n FROM session_groups WHERE session_id = ?').get(id),
			participants: db.prepare('SELECT count(*) AS n FROM participants WHERE session_id = ?').get(id),
			answers: db.prepare('SELECT count(*) AS n FROM answers WHERE participant_id NOT IN (SELECT id FROM participants)').get(),
			agreements: db.prepare('SELECT count(*) AS n FROM agreements WHERE session_id = ?').get(id),
			ideas: db.prepare('SELECT count(*) AS n FROM ideas WHERE session_id = ?').get(id),
			votes: db.prepare('SELECT count(*) AS n FROM votes WHERE idea_id NOT IN (SELECT id FROM ideas)').get(),
			measures: db.prepare('SELECT count(*) AS n FROM measures WHERE session_id = ?').get(id),
			shares: db.prepare('SELECT count(*) AS n FROM session_shares WHERE session_id = ?').get(id)
		});
		expect(Object.values(rows()).some((r) => (r as { n: number }).n > 0)).toBe(true);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}`, { method: 'DELETE', headers: { cookie: owner } })).status).toBe(204);
		expect(Object.values(rows()).map((r) => (r as { n: number }).n)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
		expect((await fetch(`${suite.url}/api/sessions/${created.code}`)).status).toBe(404);
		const late = await connect(suite.url);
		const ack = await request(late, 'session:join', { code: created.code, groupId: 'g1' });
		expect(ack.ok ? 'OK' : ack.error.code).toBe('SESSION_NOT_FOUND');
		late.close();
	});

	it("a client's retention deletes raw answers after N days and keeps the figures", async () => {
		const owner = await signIn(suite.url);
		const created = await createSession(suite.url, { title: 'Retained', client: 'Careful AG' }, owner);
		const people = await Promise.all(['g1', 'g1', 'g1'].map((g) => join(suite.url, created.code, g)));
		await Promise.all(people.map((p) => answerAll(p.socket, answersAtLevel(3))));
		const facilitator = await connect(suite.url);
		ok(await request(facilitator, 'facilitator:attach', { code: created.code, token: created.facilitatorToken }));
		ok(await request(facilitator, 'reveal:set', { step: 'overall' }));
		const before = await (await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { cookie: owner } })).json();
		const clients = (await (await fetch(`${suite.url}/api/clients`, { headers: { cookie: owner } })).json()) as { clients: { id: number; name: string }[] };
		const client = clients.clients.find((c) => c.name === 'Careful AG')!;
		expect((await fetch(`${suite.url}/api/clients/${client.id}`, { ...json({ retentionDays: 30 }, owner), method: 'PATCH' })).status).toBe(200);
		suite.server!.db.prepare("UPDATE sessions SET created_at = '2000-01-01T00:00:00.000Z' WHERE code = ?").run(created.code);
		expect(suite.server!.housekeeping.purgeRetainedAnswers()).toBe(1);
		const answersLeft = suite.server!.db.prepare('SELECT count(*) AS n FROM answers a JOIN participants p ON p.id = a.participant_id JOIN sessions s ON s.id = p.session_id WHERE s.code = ?').get(created.code);
		expect(answersLeft).toEqual({ n: 0 });
		expect(await (await fetch(`${suite.url}/api/sessions/${created.code}/results`, { headers: { cookie: owner } })).json()).toEqual(before);
		// The client export has the figures and outcome, never a person's answers.
		const exported = (await (await fetch(`${suite.url}/api/clients/${client.id}/export`, { headers: { cookie: owner } })).json()) as { workshops: { figures: unknown }[] };
		expect(exported.workshops).toHaveLength(1);
		expect(JSON.stringify(exported)).not.toMatch(/optionId|participant/i);
		[facilitator, ...people.map((p) => p.socket)].forEach((s) => s.close());
	});
});
