import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { request } from '../../src/lib/socket/request.js';
import { inProcessSuite } from '../support/in-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { createSession, join, ok } from '../support/workshop.js';

async function connectWithCookie(url: string, cookie: string): Promise<TestSocket> {
	const socket: TestSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { cookie } });
	await new Promise((done) => socket.once('connect', () => done(undefined)));
	return socket;
}

describe('a phone whose browser refuses storage', () => {
	const suite = inProcessSuite();

	it('comes back as the same person through the HttpOnly cookie, and "start over" removes it', async () => {
		const created = await createSession(suite.url, { title: 'No storage' });
		const first = await join(suite.url, created.code, 'g1');
		const kept = await fetch(`${suite.url}/api/sessions/${created.code}/resume`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ token: first.joined.resumeToken })
		});
		expect(kept.status).toBe(204);
		const cookie = kept.headers.get('set-cookie')!;
		expect(cookie).toMatch(/HttpOnly/i);
		first.socket.close();

		// The reload: no token in the payload, only the cookie on the handshake.
		const again = await connectWithCookie(suite.url, cookie.split(';')[0]!);
		expect(ok(await request(again, 'session:join', { code: created.code, groupId: 'g1' })).participantId).toBe(first.joined.participantId);
		again.close();

		// A token of another workshop's participant is refused.
		const other = await createSession(suite.url, { title: 'Other' });
		const refused = await fetch(`${suite.url}/api/sessions/${other.code}/resume`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: first.joined.resumeToken }) });
		expect(refused.status).toBe(400);

		const cleared = await fetch(`${suite.url}/api/sessions/${created.code}/resume`, { method: 'DELETE' });
		expect(cleared.headers.get('set-cookie')).toMatch(/Expires=Thu, 01 Jan 1970/);
	});
});
