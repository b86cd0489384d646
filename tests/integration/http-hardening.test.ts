import { gzipSync } from 'node:zlib';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import { request } from '../../src/lib/socket/request.js';
import { serverPerSuite } from '../support/server-suite.js';
import { errorCodeOf, rawRequest } from '../support/raw-http.js';
import type { TestSocket } from '../support/socket-client.js';
import { createSession, facilitatorCookie } from '../support/workshop.js';

/** Connects a socket.io-client with the given handshake headers; resolves with the socket or the refusal. */
function handshake(url: string, headers: Record<string, string>, transport: 'websocket' | 'polling' = 'websocket') {
	const socket: TestSocket = io(url, { transports: [transport], reconnection: false, forceNew: true, extraHeaders: headers });
	return new Promise<{ socket: TestSocket; refused?: string }>((done) => {
		socket.once('connect', () => done({ socket }));
		socket.once('connect_error', (error) => {
			socket.close();
			done({ socket, refused: error.message });
		});
	});
}

describe('client mistakes get a JSON 4xx and leave no stack trace in the log', () => {
	const suite = serverPerSuite({ STANDORT_JOIN_FAILURES_PER_MINUTE: '3' });
	const host = () => `Host: ${new URL(suite.url).host}`;
	const json = 'Content-Type: application/json';

	it.each([
		['a latin1 charset', `POST /api/sessions HTTP/1.1\r\nHOST\r\n${json}; charset=latin1`, '{"title":"x"}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
		['an unknown Content-Encoding', `POST /api/sessions HTTP/1.1\r\nHOST\r\n${json}\r\nContent-Encoding: bogus`, '{"title":"x"}', 415, 'UNSUPPORTED_MEDIA_TYPE'],
		['gzip that is not gzip', `POST /api/sessions HTTP/1.1\r\nHOST\r\n${json}\r\nContent-Encoding: gzip`, '{"title":"x"}', 400, 'BAD_REQUEST'],
		['a malformed %-escape in an API path', 'GET /api/sessions/%E0%A4%A HTTP/1.1\r\nHOST', '', 400, 'BAD_REQUEST'],
		['a malformed %-escape in a page path', 'GET /j/%E0%A4%A HTTP/1.1\r\nHOST', '', 400, 'BAD_REQUEST'],
		['a Host with a space (API)', 'GET /api/health HTTP/1.1\r\nHost: a b', '', 400, 'BAD_REQUEST'],
		['a Host with a space (page)', 'GET / HTTP/1.1\r\nHost: a b', '', 400, 'BAD_REQUEST'],
		['a Host of 5,000 characters', `GET / HTTP/1.1\r\nHost: ${'a'.repeat(5000)}`, '', 400, 'BAD_REQUEST'],
		['a Host with a bad port', 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:99999', '', 400, 'BAD_REQUEST'],
		['a bad X-Forwarded-Proto (API)', `POST /api/sessions HTTP/1.1\r\nHOST\r\n${json}\r\nX-Forwarded-Proto: ht tp`, '{"title":"x"}', 400, 'BAD_REQUEST'],
		['a bad X-Forwarded-Proto (page)', 'GET / HTTP/1.1\r\nHOST\r\nX-Forwarded-Proto: javascript', '', 400, 'BAD_REQUEST']
	])('%s', async (_name, head, body, status, code) => {
		const res = await rawRequest(suite.url, head.replace('HOST', host()), body);
		expect(res.status).toBe(status);
		expect(res.headers).toMatch(/content-type: application\/json/i);
		expect(errorCodeOf(res)).toBe(code);
	});

	it('still reads well-formed gzip bodies', async () => {
		const res = await fetch(`${suite.url}/api/sessions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', cookie: await facilitatorCookie(suite.url) },
			body: gzipSync(JSON.stringify({ title: 'Gzipped' }))
		});
		expect(res.status).toBe(201);
	});

	it('answers only to IP literals, localhost and configured names (join links never carry a foreign Host)', async () => {
		const foreign = await rawRequest(suite.url, 'POST /api/sessions HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/json', '{"title":"x"}');
		expect(foreign.status).toBe(400);
		expect(errorCodeOf(foreign)).toBe('HOST_NOT_ALLOWED');
		expect(foreign.body).toContain('PUBLIC_URL');
		const page = await rawRequest(suite.url, 'GET / HTTP/1.1\r\nHost: evil.example:8080');
		expect(errorCodeOf(page)).toBe('HOST_NOT_ALLOWED');
		const local = await rawRequest(suite.url, `GET /api/health HTTP/1.1\r\nHost: localhost:${new URL(suite.url).port}`);
		expect(local.status).toBe(200);
	});

	it('cleans titles and labels and refuses invisible or duplicate ones, naming the field', async () => {
		const cookie = await facilitatorCookie(suite.url);
		const post = (body: unknown) => fetch(`${suite.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
		const invisible = await post({ title: '\u200B\u202E' });
		expect(invisible.status).toBe(400);
		expect(((await invisible.json()) as { error: { message: string } }).error.message).toMatch(/^title: .*visible/);
		const duplicate = await post({ title: 'ok', groups: [{ label: 'Team' }, { label: 'TEAM' }] });
		expect(duplicate.status).toBe(400);
		expect(((await duplicate.json()) as { error: { message: string } }).error.message).toMatch(/^groups\.1\.label: duplicate/);
		const created = await createSession(suite.url, { title: ' Check\u0000 2025 ' });
		const info = (await (await fetch(`${suite.url}/api/sessions/${created.code}`)).json()) as { title: string };
		expect(info.title).toBe('Check 2025');
	});

	it('refuses a browser handshake from a foreign page, allows its own page and clients without Origin', async () => {
		const own = `http://${new URL(suite.url).host}`;
		for (const transport of ['websocket', 'polling'] as const) {
			const foreign = await handshake(suite.url, { origin: 'https://evil.example' }, transport);
			expect(foreign.refused, transport).toBeDefined();
			const sandboxed = await handshake(suite.url, { origin: 'null' }, transport);
			expect(sandboxed.refused, transport).toBeDefined();
			const same = await handshake(suite.url, { origin: own }, transport);
			expect(same.refused, transport).toBeUndefined();
			expect((await request(same.socket, 'system:ping', { sentAt: 1 })).ok).toBe(true);
			same.socket.close();
		}
		const node = await handshake(suite.url, {});
		expect(node.refused).toBeUndefined();
		node.socket.close();
		const rebound = await handshake(suite.url, { host: 'evil.example' });
		expect(rebound.refused).toBeDefined();
	});

	describe('one client address everywhere, behind a proxy that appends to X-Forwarded-For', () => {
		// The test is the proxy (it connects from loopback, which is trusted by default); the
		// client chooses everything left of the entry the proxy appends.
		const behindProxy = (client: string, spoofed: string) => ({ 'x-forwarded-for': `${spoofed}, ${client}` });
		const spoof = (i: number) => `10.${i}.${i}.${i}`;

		/** Runs `probe` and says whether it was slowed down (a blocked address waits about 2 s per lookup). */
		const timed = async <T>(probe: () => Promise<T>) => {
			const t = performance.now();
			const result = await probe();
			return { result, slow: performance.now() - t >= 1500 };
		};

		it('API: a changing left-most entry does not escape the limit', async () => {
			const seen = [];
			for (let i = 0; i < 4; i++) seen.push(await timed(async () => (await fetch(`${suite.url}/api/sessions/ZZZZZ${i + 2}`, { headers: behindProxy('203.0.113.1', spoof(i)) })).status));
			// Three wrong codes (the suite's limit), then the same client is slowed down, whatever it puts left.
			expect(seen).toEqual([404, 404, 404, 404].map((result, i) => ({ result, slow: i === 3 })));
			expect(await timed(async () => (await fetch(`${suite.url}/api/sessions/ZZZZZZ`, { headers: behindProxy('203.0.113.99', spoof(1)) })).status)).toEqual({ result: 404, slow: false });
		});

		it('pages: keyed on the client, not on the proxy', async () => {
			const seen = [];
			for (let i = 0; i < 4; i++) seen.push(await timed(async () => (await fetch(`${suite.url}/j/ZZZZZ${i + 2}`, { headers: behindProxy('203.0.113.2', spoof(i)) })).status));
			expect(seen).toEqual([404, 404, 404, 404].map((result, i) => ({ result, slow: i === 3 })));
			// Another person behind the same proxy is not slowed by the first one's wrong codes.
			expect(await timed(async () => (await fetch(`${suite.url}/j/ZZZZZZ`, { headers: behindProxy('203.0.113.98', spoof(1)) })).status)).toEqual({ result: 404, slow: false });
		});

		it('sockets: a changing left-most entry does not escape the limit', async () => {
			const seen = [];
			for (let i = 0; i < 4; i++) {
				const { socket } = await handshake(suite.url, behindProxy('203.0.113.3', spoof(i)));
				seen.push(await timed(async () => {
					const ack = await request(socket, 'session:join', { code: `ZZZZZ${i + 2}`, groupId: 'g1' });
					return ack.ok ? 'ok' : ack.error.code;
				}));
				socket.close();
			}
			expect(seen).toEqual(Array.from({ length: 4 }, (_, i) => ({ result: 'SESSION_NOT_FOUND', slow: i === 3 })));
			const { socket } = await handshake(suite.url, behindProxy('203.0.113.97', spoof(1)));
			const other = await timed(async () => {
				const ack = await request(socket, 'session:join', { code: 'ZZZZZZ', groupId: 'g1' });
				return ack.ok ? 'ok' : ack.error.code;
			});
			expect(other).toEqual({ result: 'SESSION_NOT_FOUND', slow: false });
			socket.close();
		});
	});

	it('logged no stack trace and no failed request for any of the above', () => {
		const output = suite.server!.output();
		expect(output).not.toMatch(/\n\s+at /);
		expect(output).not.toContain('request failed');
		expect(output).not.toMatch(/Error:/);
	});
});
