import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export type Child = { process: ChildProcess; url: string; pid: number; stop: () => Promise<void> };

/**
 * Starts a Node program in a shell that first raises its open-file limit to the hard limit (each
 * participant is one socket, so 2,000 participants need more than the common default of 1,024),
 * and waits for it to print its address.
 */
export function startChild(script: string, env: Record<string, string>, addressPattern: RegExp, nodeArgs = ''): Promise<Child> {
	const child = spawn('sh', ['-c', `ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "${process.execPath}" ${nodeArgs} ${script}`], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let out = '';
	return new Promise((resolve, reject) => {
		const onData = (d: Buffer) => {
			out += d.toString();
			const m = addressPattern.exec(out);
			if (!m?.[1]) return;
			child.stdout?.off('data', onData);
			resolve({
				process: child,
				url: `http://127.0.0.1:${m[1]}`,
				pid: child.pid!,
				stop: () =>
					new Promise((done) => {
						child.once('exit', () => done());
						child.kill('SIGTERM');
					})
			});
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
		child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${out}`)));
	});
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid: number): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// After the command name: field 14 (utime) and 15 (stime) are at index 11 and 12, in clock ticks.
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resident memory of a process in bytes, from /proc (Linux). */
export function rssBytes(pid: number): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
	return Number(line?.replace(/\D+/g, '') ?? 0) * 1024;
}
