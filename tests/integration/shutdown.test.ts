import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from '../../src/lib/socket/request.js';
import { closedWithin, openConnection } from '../support/raw-http.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from '../support/server-process.js';
import { answersAtLevel, createSession, join as joinSession, ok } from '../support/workshop.js';

/**
 * SIGTERM must end the process soon whatever the clients are doing, after committing every
 * answer and closing the database; before, one unfinished request held it for the request
 * timeout (300 s), and the writer's flush and the database close never ran.
 */
describe('SIGTERM with connections that never finish', () => {
	const dirs: string[] = [];
	let server: RunningServer | undefined;
	afterEach(async () => {
		await server?.kill();
		server = undefined;
		dirs.splice(0).forEach(removeDataDir);
	});

	it.each([
		['an unfinished request body', 'POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"title":'],
		['half-sent headers', 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Still-Typing: ']
	])('exits within 10 s with %s pending, the last acked answer on disk', async (_name, pending) => {
		const dataDir = makeDataDir();
		dirs.push(dataDir);
		server = await startServer({ dataDir });
		const created = await createSession(server.url);
		const { socket, joined } = await joinSession(server.url, created.code, 'g1');
		const answers = answersAtLevel(2).slice(0, 5);
		for (const a of answers) ok(await request(socket, 'answer:submit', a));
		const last = answers.at(-1)!;

		const stuck = await openConnection(server.url);
		stuck.write(pending);
		// An idle keep-alive connection too: it should be closed at once, not after the grace.
		const idle = await openConnection(server.url);
		idle.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
		await new Promise((done) => idle.once('data', done));
		const idleClosed = closedWithin(idle, 10_000);
		const stuckClosed = closedWithin(stuck, 10_000);

		const started = Date.now();
		const exitCode = await Promise.race([
			server.stop(),
			new Promise<string>((done) => setTimeout(() => done('still running after 10 s'), 10_000))
		]);
		const took = Date.now() - started;
		expect(exitCode).toBe(0);
		server = undefined;
		expect(took).toBeLessThan(10_000);
		expect(await idleClosed).toBeLessThan(1_000);
		await stuckClosed;
		socket.close();

		const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
		try {
			const stored = db
				.prepare('SELECT option_id FROM answers WHERE participant_id = ? AND question_id = ?')
				.pluck()
				.get(joined.participantId, last.questionId);
			expect(stored).toBe(last.optionId);
		} finally {
			db.close();
		}
	});
});
