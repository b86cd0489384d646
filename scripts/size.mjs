// How much JavaScript a phone downloads for a flow, measured in a real browser: starts the built
// server, walks each flow in Chromium, collects every script the pages load and sums their gzip
// sizes. `npm run size` prints the table and fails when a flow is over its budget; the benchmark
// imports `measureSizes` to report the same figures.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGET_KB = 80;

const flows = {
	'solo check (start page + question screen)': async (page, base) => {
		await page.goto(base + '/');
		await page.getByTestId('start-check').click();
		await page.locator('[data-testid="check-flow"][data-ready="true"]').waitFor();
	},
	'participant (join + question screen)': async (page, base) => {
		const res = await fetch(base + '/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Size' }) });
		const { code } = await res.json();
		await page.goto(base + '/join');
		await page.getByLabel('Code').fill(code);
		await page.locator('form button[type="submit"]').click();
		await page.getByTestId('group-g1').click();
		await page.locator('[data-testid="participant"][data-phase="answering"]').waitFor();
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

export async function measureSizes() {
	const server = await startServer();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	const results = {};
	try {
		for (const [name, walk] of Object.entries(flows)) {
			const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'de-DE' });
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
			results[name] = { files: scripts.size, rawKB: +(raw / 1024).toFixed(1), gzipKB: +(gz / 1024).toFixed(1), budgetKB: BUDGET_KB };
			await context.close();
		}
	} finally {
		await browser.close();
		server.stop();
	}
	return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	const { ensureBuild } = await import('./ensure-build.mjs');
	ensureBuild();
	const results = await measureSizes();
	console.table(results);
	if (Object.values(results).some((r) => r.gzipKB > BUDGET_KB)) {
		console.error(`A flow is over its ${BUDGET_KB} KB gzip budget.`);
		process.exit(1);
	}
}
