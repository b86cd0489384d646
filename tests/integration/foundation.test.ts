import { request } from '../../src/lib/socket/request.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer } from '../support/server-process.js';
import { serverPerSuite } from '../support/server-suite.js';
import { connect, type TestSocket } from '../support/socket-client.js';

describe('the one process: HTTP, sockets and the store', () => {
	const suite = serverPerSuite();

	it('answers the health check with the package version', async () => {
		const res = await fetch(`${suite.url}/api/health`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ status: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
	});

	it('answers unknown API paths with a JSON 404, never a page', async () => {
		const res = await fetch(`${suite.url}/api/no-such-thing`);
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/application\/json/);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('NOT_FOUND');
		expect(body.error.message).toContain('/api/no-such-thing');
	});

	it('rejects malformed and oversized JSON bodies with a JSON 4xx', async () => {
		const bad = await fetch(`${suite.url}/api/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_PAYLOAD');
		const big = await fetch(`${suite.url}/api/health`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ x: 'a'.repeat(64 * 1024) })
		});
		expect(big.status).toBe(413);
	});

	it('serves pages with a content security policy and the language of the request', async () => {
		const res = await fetch(`${suite.url}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
		expect(res.status).toBe(200);
		expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(await res.text()).toContain('<html lang="en">');
		const german = await fetch(`${suite.url}/`, { headers: { cookie: 'standort-lang=de', 'accept-language': 'en' } });
		expect(await german.text()).toContain('<html lang="de">');
	});

	it('acks system:ping for two real clients at once', async () => {
		const clients: TestSocket[] = [await connect(suite.url), await connect(suite.url)];
		try {
			const acks = await Promise.all(clients.map((c, i) => request(c, 'system:ping', { sentAt: 1000 + i })));
			acks.forEach((ack, i) => {
				expect(ack.ok).toBe(true);
				if (ack.ok) {
					expect(ack.data.sentAt).toBe(1000 + i);
					expect(ack.data.serverTime).toBeGreaterThan(0);
				}
			});
		} finally {
			clients.forEach((c) => c.close());
		}
	});

	it('answers a malformed ping with INVALID_PAYLOAD and stays up', async () => {
		const client = await connect(suite.url);
		try {
			const ack = await request(client, 'system:ping', { sentAt: 'soon' } as unknown as { sentAt: number });
			expect(ack).toEqual({ ok: false, error: { code: 'INVALID_PAYLOAD', field: 'sentAt', message: expect.stringContaining('sentAt') } });
			const good = await request(client, 'system:ping', { sentAt: 1 });
			expect(good.ok).toBe(true);
		} finally {
			client.close();
		}
	});

	it('keeps its data and applies each migration once across a restart', async () => {
		const readState = () => {
			const db = new Database(join(suite.dataDir, 'standort.sqlite'), { readonly: true });
			try {
				return {
					migrations: db.prepare('SELECT name FROM schema_migrations ORDER BY name').pluck().all(),
					instance: db.prepare('SELECT instance_id FROM instance').pluck().all()
				};
			} finally {
				db.close();
			}
		};
		const before = readState();
		expect(before.migrations.length).toBeGreaterThan(0);
		expect(before.instance).toHaveLength(1);

		expect(await suite.server!.stop()).toBe(0);
		suite.server = await startServer({ dataDir: suite.dataDir });
		expect(suite.server.output()).not.toMatch(/error/i);
		expect(readState()).toEqual(before);
	});
});
