// `npm run size`: how much JavaScript a phone downloads for a flow, measured in a real browser.
// Starts the built server, walks each flow in Chromium, collects every script the pages load and
// sums their gzip sizes. Fails when a flow is over its budget.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 80;
const flows = {
	'solo check (start page + question screen)': async (page, base) => {
		await page.goto(base + '/');
		await page.getByTestId('start-check').click();
		await page.getByTestId('check-flow').waitFor();
		await page.locator('[data-ready="true"]').waitFor();
	}
};

async function startServer() {
	const dataDir = mkdtempSync(join(tmpdir(), 'standort-size-'));
	const child = spawn(process.execPath, ['dist/server/index.js'], {
		env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	const url = await new Promise((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (d) => {
			out += d;
			const m = /open http:\/\/\S+:(\d+)/.exec(out);
			if (m) resolve(`http://127.0.0.1:${m[1]}`);
		});
		child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
	});
	return { url, stop: () => (child.kill('SIGTERM'), rmSync(dataDir, { recursive: true, force: true })) };
}

const server = await startServer();
const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
const results = {};
let failed = false;
try {
	for (const [name, walk] of Object.entries(flows)) {
		const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
		const page = await context.newPage();
		const scripts = new Set();
		page.on('request', (r) => {
			if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
		});
		await walk(page, server.url);
		let raw = 0;
		let gz = 0;
		for (const path of scripts) {
			const body = readFileSync(join('build/client', path));
			raw += body.length;
			gz += gzipSync(body, { level: 9 }).length;
		}
		const kb = gz / 1024;
		results[name] = { files: scripts.size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +kb.toFixed(1), budgetKB: BUDGET_KB };
		if (kb > BUDGET_KB) failed = true;
		await context.close();
	}
} finally {
	await browser.close();
	server.stop();
}
console.table(results);
if (failed) {
	console.error(`A flow is over its ${BUDGET_KB} KB gzip budget.`);
	process.exit(1);
}
