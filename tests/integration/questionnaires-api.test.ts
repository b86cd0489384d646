import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDataDir, removeDataDir, startServer } from '../support/server-process.js';
import { serverPerSuite } from '../support/server-suite.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('questionnaires over HTTP', () => {
	const suite = serverPerSuite();

	it('lists id, version and title', async () => {
		const res = await fetch(`${suite.url}/api/questionnaires`);
		const body = (await res.json()) as { questionnaires: { id: string; version: string; title: { de: string; en: string } }[] };
		expect(body.questionnaires).toContainEqual({ id: 'service-maturity', version: '1.0.0', title: expect.objectContaining({ de: expect.any(String), en: expect.any(String) }) });
	});

	it('returns the whole definition, newest by default or the version asked for', async () => {
		const latest = (await (await fetch(`${suite.url}/api/questionnaires/service-maturity`)).json()) as { questions: unknown[]; version: string };
		expect(latest.questions).toHaveLength(20);
		expect(latest.version).toBe('2.0.0');
		const pinned = await fetch(`${suite.url}/api/questionnaires/service-maturity?version=1.0.0`);
		expect(pinned.status).toBe(200);
		expect(((await pinned.json()) as { version: string }).version).toBe('1.0.0');
	});

	it('lists 2.0.0 first, as published, and keeps 1.0.0 listed for old links and workshops', async () => {
		const list = (await (await fetch(`${suite.url}/api/questionnaires`)).json()) as { questionnaires: { id: string; version: string }[] };
		expect(list.questionnaires.filter((x) => x.id === 'service-maturity').map((x) => x.version)).toEqual(['2.0.0', '1.0.0']);
		const current = (await (await fetch(`${suite.url}/api/questionnaires/service-maturity?version=2.0.0`)).json()) as { status?: string };
		expect(current.status).toBeUndefined();
	});

	it('renders a shared result even when its date is not a real day', async () => {
		const res = await fetch(`${suite.url}/check/result?q=service-maturity&v=1.0.0&a=12312312312312312312&d=2024-13-45`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('data-testid="overall-level"');
	});

	it('answers unknown ids and versions with a JSON 404', async () => {
		for (const path of ['/api/questionnaires/nope', '/api/questionnaires/service-maturity?version=9.9.9']) {
			const res = await fetch(suite.url + path);
			expect(res.status).toBe(404);
			expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
		}
	});
});

describe('start-up refuses broken inputs and says where', () => {
	it('a broken questionnaire file: names the file and the JSON path', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'standort-q-'));
		const q = JSON.parse(readFileSync(join(ROOT, 'questionnaires/service-maturity-1.0.0.json'), 'utf8')) as { dimensions: { label: { de?: string } }[] };
		delete q.dimensions[2]?.label.de;
		writeFileSync(join(dir, 'service-maturity-1.0.0.json'), JSON.stringify(q));
		const dataDir = makeDataDir();
		await expect(startServer({ dataDir, env: { QUESTIONNAIRES_DIR: dir } })).rejects.toThrow(
			/service-maturity-1\.0\.0\.json[\s\S]*\$\.dimensions\[2\]\.label\.de/
		);
		removeDataDir(dataDir);
	});

	it('a failing migration: names the file and applies nothing of it', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'standort-m-'));
		cpSync(join(ROOT, 'db'), dir, { recursive: true });
		writeFileSync(join(dir, '999_broken.sql'), 'CREATE TABLE ok_part (x INTEGER);\nTHIS IS NOT SQL;');
		const dataDir = makeDataDir();
		await expect(startServer({ dataDir, env: { MIGRATIONS_DIR: dir } })).rejects.toThrow(/Migration .*999_broken\.sql failed/);
		const Database = (await import('better-sqlite3')).default;
		const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
		expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok_part'").pluck().get()).toBe(0);
		db.close();
		removeDataDir(dataDir);
	});
});
