import { request } from '../../src/lib/socket/request.js';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionJoinResult } from '../../src/lib/protocol.js';
import { makeDataDir, removeDataDir, startServer, type RunningServer } from '../support/server-process.js';
import type { TestSocket } from '../support/socket-client.js';
import { answersAtLevel, createSession, ok } from '../support/workshop.js';

/** A participant client that, like the phone app, rejoins with its resume token on every (re)connect. */
function resilientParticipant(url: string, code: string, groupId: string) {
	const socket: TestSocket = io(url, { transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 300 });
	let resumeToken: string | undefined;
	let joins = 0;
	let latest: Promise<SessionJoinResult> | undefined;
	const joined = () =>
		(latest = request(socket, 'session:join', { code, groupId, ...(resumeToken ? { resumeToken } : {}) })
			.then((ack) => {
				const data = ok(ack);
				resumeToken = data.resumeToken;
				joins++;
				return data;
			}));
	socket.on('connect', () => void joined());
	const joinedNow = async (): Promise<SessionJoinResult> => {
		while (!latest) await new Promise((r) => setTimeout(r, 10));
		return latest;
	};
	return { socket, joinedNow, joins: () => joins };
}

describe('a server killed mid-session', () => {
	const dataDir = makeDataDir();
	let server: RunningServer | undefined;
	afterAll(async () => {
		await server?.stop();
		removeDataDir(dataDir);
	});

	it('keeps every acked answer, and its clients reconnect and carry on', async () => {
		server = await startServer({ dataDir });
		const port = new URL(server.url).port;
		const created = await createSession(server.url);
		const people = ['g1', 'g2', 'g3'].map((g) => resilientParticipant(server!.url, created.code, g));
		await Promise.all(people.map((p) => p.joinedNow()));
		const answers = answersAtLevel((i) => ((i % 3) + 1) as 1 | 2 | 3);

		// Answers stream in; the kill lands while some are still in flight.
		const acked: { participant: number; questionId: string; optionId: string | null }[] = [];
		const inFlight = people.flatMap((p, n) =>
			answers.slice(0, 12).map((a) =>
				request(p.socket, 'answer:submit', a)
					.then((ack) => {
						if (ack.ok) acked.push({ participant: n, ...a });
					})
					.catch(() => {})
			)
		);
		// Kill as soon as the first answers are acked, while the rest are still on their way.
		await expect.poll(() => acked.length, { interval: 1, timeout: 10_000 }).toBeGreaterThanOrEqual(3);
		await server.kill();
		await Promise.allSettled(inFlight);
		expect(acked.length).toBeGreaterThan(0);

		server = await startServer({ dataDir, env: { PORT: port } });
		const rejoined = await Promise.all(
			people.map(async (p) => {
				await expect.poll(() => p.joins(), { timeout: 10_000 }).toBe(2);
				return p.joinedNow();
			})
		);
		for (const a of acked) expect(rejoined[a.participant]!.answers[a.questionId]).toBe(a.optionId);
		expect(new Set(rejoined.map((r) => r.participantId)).size).toBe(3);

		// Carry on: everyone finishes the questionnaire on the new process.
		await Promise.all(people.map(async (p) => {
			for (const a of answers) ok(await request(p.socket, 'answer:submit', a));
		}));
		const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
		expect(db.prepare('SELECT count(*) FROM answers').pluck().get()).toBe(3 * answers.length);
		db.close();
		people.forEach((p) => p.socket.close());
	});
});
