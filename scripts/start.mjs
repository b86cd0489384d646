// `npm start`: build when the build is missing or older than the sources, then run one Node process.
import { execSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const outputs = ['build/handler.js', 'dist/server/index.js'];
const sources = ['src', 'server', 'package.json', 'svelte.config.js', 'vite.config.ts'];

function newest(path) {
	const s = statSync(path);
	if (!s.isDirectory()) return s.mtimeMs;
	return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const built = outputs.every((f) => existsSync(f));
const stale = built && Math.min(...outputs.map((f) => statSync(f).mtimeMs)) < Math.max(...sources.map(newest));
if (!built || stale) {
	console.log(built ? 'Sources changed since the last build: building…' : 'No build yet: building…');
	execSync('npm run build', { stdio: 'inherit' });
}

const child = spawn(process.execPath, ['dist/server/index.js'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
