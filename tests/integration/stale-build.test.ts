import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { staleBuildReason } from '../../scripts/ensure-build.mjs';
import { assertFreshBuild } from '../support/server-process.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A project tree whose files have the given ages in seconds (bigger = older). */
function tree(files: Record<string, number>): string {
	const root = mkdtempSync(join(tmpdir(), 'standort-stale-'));
	roots.push(root);
	const now = Date.now() / 1000;
	for (const [file, age] of Object.entries(files)) {
		mkdirSync(dirname(join(root, file)), { recursive: true });
		writeFileSync(join(root, file), '');
		utimesSync(join(root, file), now - age, now - age);
	}
	return root;
}

describe('tests that spawn the built server refuse a stale build', () => {
	it('passes a build newer than every source', () => {
		const root = tree({ 'server/app.ts': 100, 'src/lib/protocol.ts': 100, 'build/handler.js': 10, 'dist/server/index.js': 5 });
		expect(staleBuildReason(root)).toBeUndefined();
		expect(() => assertFreshBuild(root)).not.toThrow();
	});

	it('names the edited server file and the older output', () => {
		const root = tree({ 'server/socket/handler.ts': 1, 'build/handler.js': 10, 'dist/server/index.js': 5 });
		expect(staleBuildReason(root)).toBe('server/socket/handler.ts is newer than build/handler.js (the build is stale)');
		expect(() => assertFreshBuild(root)).toThrow(/server\/socket\/handler\.ts is newer .* Run `npm run build` first/);
	});

	it('sees a page edit too (build/ is older than src/)', () => {
		const root = tree({ 'src/routes/+page.svelte': 1, 'build/handler.js': 10, 'dist/server/index.js': 5 });
		expect(staleBuildReason(root)).toContain('src/routes/+page.svelte is newer');
	});

	it('reports a missing build', () => {
		const root = tree({ 'server/app.ts': 1 });
		expect(staleBuildReason(root)).toBe('build/handler.js and dist/server/index.js missing (no build yet)');
	});

	it('ignores unit tests beside the code, which are not built', () => {
		const root = tree({ 'server/app.ts': 100, 'server/app.spec.ts': 1, 'build/handler.js': 10, 'dist/server/index.js': 5 });
		expect(staleBuildReason(root)).toBeUndefined();
	});
});
