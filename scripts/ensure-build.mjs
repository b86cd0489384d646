// Builds the app when the build is missing or older than its sources (used by start and bench),
// and tells the tests whether the build they are about to spawn is stale.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const outputs = ['build/handler.js', 'dist/server/index.js'];
const sources = ['src', 'server', 'db', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.server.json'];

/** Unit tests and fixtures sit beside the code but are not part of the build. */
const notBuilt = /\.(spec|test|fixture)\.ts$/;

/** The newest file under `path`: its modification time and name. */
function newest(path) {
	if (!existsSync(path) || notBuilt.test(path)) return { mtimeMs: 0, file: path };
	const s = statSync(path);
	if (!s.isDirectory()) return { mtimeMs: s.mtimeMs, file: path };
	return readdirSync(path)
		.map((name) => newest(join(path, name)))
		.reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a), { mtimeMs: 0, file: path });
}

/**
 * Why the build under `root` cannot be trusted to match the sources, or undefined when it can.
 * Tests spawn `dist/` and `build/`: after an edit without a rebuild they would test old code.
 */
export function staleBuildReason(root = process.cwd()) {
	const missing = outputs.filter((f) => !existsSync(join(root, f)));
	if (missing.length) return `${missing.join(' and ')} missing (no build yet)`;
	const oldest = outputs.map((f) => ({ file: f, mtimeMs: statSync(join(root, f)).mtimeMs })).reduce((a, b) => (b.mtimeMs < a.mtimeMs ? b : a));
	const changed = sources.map((s) => newest(join(root, s))).reduce((a, b) => (b.mtimeMs > a.mtimeMs ? b : a));
	if (changed.mtimeMs <= oldest.mtimeMs) return undefined;
	return `${relative(root, changed.file)} is newer than ${oldest.file} (the build is stale)`;
}

export function ensureBuild() {
	const reason = staleBuildReason();
	if (!reason) return;
	console.log(`${reason}: building…`);
	execSync('npm run build', { stdio: 'inherit' });
}
