import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { staleBuildReason } from '../../scripts/ensure-build.mjs';

export type RunningServer = {
	url: string;
	dataDir: string;
	process: ChildProcess;
	output: () => string;
	/** SIGTERM and wait: the graceful path. */
	stop: () => Promise<number | null>;
	/** SIGKILL and wait: the crash path, nothing gets to flush. */
	kill: () => Promise<void>;
};

/**
 * Test clients are scripts: they answer twenty questions in milliseconds, far faster than any
 * phone. The per-connection request budget would (rightly) refuse them, so tests raise it unless
 * a test is about that budget and sets it itself.
 */
export const SCRIPTED_CLIENTS = { STANDORT_REQUESTS_PER_SOCKET: '1000' };

export const makeDataDir = (): string => mkdtempSync(join(tmpdir(), 'standort-test-'));
export const removeDataDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/**
 * These tests run `dist/` and `build/`, not the sources: after an edit without `npm run build`
 * they would pass or fail on old code. Refuse to start instead, saying what to do.
 */
export function assertFreshBuild(root: string): void {
	const reason = staleBuildReason(root);
	if (reason) throw new Error(`The tests spawn the built server, but ${reason}. Run \`npm run build\` first (\`npm test\` does).`);
}

/**
 * Starts the real built server (`dist/server/index.js`) as a child process on a free port and
 * resolves when it prints the address to open.
 */
export function startServer(options: { dataDir: string; env?: Record<string, string> }): Promise<RunningServer> {
	const root = resolve(import.meta.dirname, '../..');
	assertFreshBuild(root);
	const child = spawn(process.execPath, ['dist/server/index.js'], {
		cwd: root,
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: options.dataDir, ...SCRIPTED_CLIENTS, ...options.env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
	return new Promise((resolveStart, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${output}`)), 20_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /open (http:\/\/\S+)/.exec(output);
			if (!match?.[1]) return;
			clearTimeout(timer);
			const port = new URL(match[1]).port;
			resolveStart({
				url: `http://127.0.0.1:${port}`,
				dataDir: options.dataDir,
				process: child,
				output: () => output,
				stop: async () => {
					child.kill('SIGTERM');
					return exited;
				},
				kill: async () => {
					child.kill('SIGKILL');
					await exited;
				}
			});
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code} before it started:\n${output}`));
		});
	});
}
