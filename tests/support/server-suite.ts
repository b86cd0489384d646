import { afterAll, beforeAll } from 'vitest';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from './server-process.js';

/**
 * One real server for a `describe` block: started before its tests on a fresh data directory,
 * stopped and cleaned up after them. `server` may be replaced by a test that restarts it.
 */
export function serverPerSuite(env?: Record<string, string>) {
	const suite = {
		dataDir: makeDataDir(),
		server: undefined as RunningServer | undefined,
		get url(): string {
			if (!suite.server) throw new Error('the suite server is not running');
			return suite.server.url;
		}
	};
	beforeAll(async () => {
		suite.server = await startServer({ dataDir: suite.dataDir, env });
	});
	afterAll(async () => {
		await suite.server?.stop();
		removeDataDir(suite.dataDir);
	});
	return suite;
}
