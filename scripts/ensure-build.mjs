// Builds the app when the build is missing or older than its sources (used by start and bench).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const outputs = ['build/handler.js', 'dist/server/index.js'];
const sources = ['src', 'server', 'db', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path) {
	if (!existsSync(path)) return 0;
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function ensureBuild() {
	const built = outputs.every((f) => existsSync(f));
	const stale = built && Math.min(...outputs.map((f) => statSync(f).mtimeMs)) < Math.max(...sources.map(newest));
	if (built && !stale) return;
	console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
	execSync('npm run build', { stdio: 'inherit' });
}
