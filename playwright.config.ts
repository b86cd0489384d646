import { defineConfig } from '@playwright/test';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertFreshBuild } from './tests/support/server-process.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
	throw new Error(
		`Chromium was not found at ${CHROMIUM}. The browser tests drive the system Chromium: install it with ` +
			'`sudo apt-get install -y chromium` (Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium binary.'
	);
}

// The web server below is the built one: refuse to test a build older than the sources.
assertFreshBuild(import.meta.dirname);

const PORT = Number(process.env.E2E_PORT ?? 4317);
// A fresh data directory per run, so the browser tests never see an old run's sessions. Set once
// in the main process; workers inherit it, so tests can read the same SQLite file.
process.env.STANDORT_E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'standort-e2e-'));
const dataDir = process.env.STANDORT_E2E_DATA_DIR;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		launchOptions: {
			executablePath: CHROMIUM,
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		},
		trace: 'off'
	},
	webServer: {
		command: 'node dist/server/index.js',
		url: `http://127.0.0.1:${PORT}/api/health`,
		reuseExistingServer: false,
		timeout: 30_000,
		env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir }
	}
});
