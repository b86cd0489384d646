import type { RequestHandler } from 'express';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { boot } from '../../server/boot.js';
import { readConfig } from '../../server/config.js';
import { makeDataDir, removeDataDir, SCRIPTED_CLIENTS } from './server-process.js';

/**
 * The fast tier: the real app (`boot` → `createApp`: Express, Socket.IO, SQLite file, every
 * service) built from the sources in this test process, on a free port, without SvelteKit's pages
 * and without a build. Socket and HTTP tests run here in milliseconds; tests about crashes,
 * restarts, shutdown or timing keep starting the built server as a child process.
 */
export async function startInProcess(env: Record<string, string> = {}) {
	const dataDir = makeDataDir();
	const root = resolve(import.meta.dirname, '../..');
	const config = readConfig({
		DATA_DIR: dataDir,
		QUESTIONNAIRES_DIR: resolve(root, 'questionnaires'),
		MIGRATIONS_DIR: resolve(root, 'db'),
		HOST: '127.0.0.1',
		PORT: '0',
		...SCRIPTED_CLIENTS,
		...env
	});
	const noPages: RequestHandler = (_req, res) => void res.status(404).type('text').send('pages are not served in the in-process tier');
	const app = boot(config, noPages, 'test');
	await new Promise<void>((done) => app.httpServer.listen(0, '127.0.0.1', done));
	const { port } = app.httpServer.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		dataDir,
		db: app.db,
		housekeeping: app.housekeeping,
		async stop() {
			await app.shutdown();
			removeDataDir(dataDir);
		}
	};
}

/** One in-process server for a `describe` block. */
export function inProcessSuite(env?: Record<string, string>) {
	const suite = { server: undefined as Awaited<ReturnType<typeof startInProcess>> | undefined, get url() { return suite.server!.url; }, get dataDir() { return suite.server!.dataDir; } };
	beforeAll(async () => {
		suite.server = await startInProcess(env);
	});
	afterAll(async () => {
		await suite.server?.stop();
	});
	return suite;
}
