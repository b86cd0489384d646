import { describe, expect, it } from 'vitest';
import { closedWithin, openConnection } from '../support/raw-http.js';
import { serverPerSuite } from '../support/server-suite.js';

/** Fetches /api/health over a raw connection already open; resolves with the status line. */
function healthOver(socket: import('node:net').Socket): Promise<string> {
	return new Promise((done, fail) => {
		socket.once('data', (chunk: Buffer) => done(chunk.toString().split('\r\n')[0]!));
		socket.once('close', () => fail(new Error('closed without an answer')));
		socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
	});
}

describe('slow and greedy clients', () => {
	// Loopback is not a trusted proxy here, so the test's own address is capped like any client's.
	const suite = serverPerSuite({
		STANDORT_TRUST_PROXY: 'none',
		STANDORT_MAX_CONNECTIONS_PER_ADDRESS: '3',
		STANDORT_HEADERS_TIMEOUT_MS: '1000',
		STANDORT_REQUEST_TIMEOUT_MS: '2000'
	});

	it('hangs up on headers sent a byte at a time once the headers timeout is up', async () => {
		const socket = await openConnection(suite.url);
		socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
		const drip = setInterval(() => socket.writable && socket.write('X'), 200);
		try {
			// Node's default would hold it for 60 s; the limit is 1 s, checked every 250 ms.
			expect(await closedWithin(socket, 5_000)).toBeGreaterThanOrEqual(900);
		} finally {
			clearInterval(drip);
		}
	});

	it('hangs up on a body that never completes once the request timeout is up', async () => {
		const socket = await openConnection(suite.url);
		socket.write('POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{');
		const drip = setInterval(() => socket.writable && socket.write(' '), 200);
		try {
			expect(await closedWithin(socket, 6_000)).toBeGreaterThanOrEqual(1_900);
		} finally {
			clearInterval(drip);
		}
	});

	it('refuses connections from one address beyond the cap and takes them again when one closes', async () => {
		const held = [await openConnection(suite.url), await openConnection(suite.url), await openConnection(suite.url)];
		const extra = await openConnection(suite.url);
		expect(await closedWithin(extra, 2_000)).toBeLessThan(1_000);
		// The connections within the cap work.
		expect(await healthOver(held[0]!)).toBe('HTTP/1.1 200 OK');
		held.forEach((s) => s.destroy());
		await expect
			.poll(async () => {
				const next = await openConnection(suite.url);
				try {
					return await healthOver(next);
				} catch {
					return 'refused';
				} finally {
					next.destroy();
				}
			}, { timeout: 3_000 })
			.toBe('HTTP/1.1 200 OK');
	});
});
