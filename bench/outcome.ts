import type { CreateSessionResult, OutcomeState } from '../src/lib/protocol.js';
import { request } from '../src/lib/socket/request.js';
import { attachFacilitator, connectSocket, type BenchSocket } from './participants.js';
import { summary } from './stats.js';

const tokenOf = (s: CreateSessionResult) => new URL(s.facilitatorUrl).hash.replace('#token=', '');

/**
 * Scenario C: a room of `people` proposes ideas and then votes, everyone at once. Measures the ack
 * of `idea:submit` and `vote:set`, and how long an idea takes to reach the projector's wall
 * (`outcome:changed` containing it).
 */
export async function ideasAndVotes(url: string, created: CreateSessionResult, people: number) {
	const facilitator = await attachFacilitator(url, created.code, tokenOf(created));
	const phones: BenchSocket[] = [];
	for (let i = 0; i < people; i += 50)
		phones.push(
			...(await Promise.all(
				Array.from({ length: Math.min(50, people - i) }, async (_, j) => {
					const socket = await connectSocket(url);
					const joined = await request(socket, 'session:join', { code: created.code, groupId: `g${((i + j) % 3) + 1}` }, 30_000);
					if (!joined.ok) throw new Error(`join: ${joined.error.code}`);
					return socket;
				})
			))
		);
	const errors: string[] = [];
	const ok = async <T>(p: Promise<{ ok: true; data: T } | { ok: false; error: { code: string } }>) => {
		const ack = await p;
		if (!ack.ok) errors.push(ack.error.code);
		return ack.ok ? ack.data : undefined;
	};
	await ok(request(facilitator, 'reveal:set', { step: 'ideas' }, 30_000));

	// Every idea is timed from its send to the first wall update that shows it.
	const sentAt = new Map<string, number>();
	const wallMs: number[] = [];
	const onWall = new Set<string>();
	let sends = 0;
	const textOf = (i: number) => `Bench idea ${i}`;
	facilitator.on('outcome:changed', ({ outcome }: OutcomeState) => {
		const now = performance.now();
		for (const idea of outcome.ideas) {
			if (onWall.has(idea.text)) continue;
			const at = sentAt.get(idea.text);
			if (at === undefined) continue;
			onWall.add(idea.text);
			wallMs.push(now - at);
		}
	});
	const ideaAck: number[] = [];
	await Promise.all(
		phones.map(async (socket) => {
			const text = textOf(sends++);
			const t = performance.now();
			sentAt.set(text, t);
			await ok(request(socket, 'idea:submit', { text }, 30_000));
			ideaAck.push(performance.now() - t);
		})
	);
	const wallDeadline = performance.now() + 10_000;
	while (onWall.size < phones.length && performance.now() < wallDeadline) await new Promise((r) => setTimeout(r, 20));

	await ok(request(facilitator, 'reveal:set', { step: 'vote' }, 30_000));
	// Attaching again is the simplest way to read every idea's id.
	const attached = await ok(request(facilitator, 'facilitator:attach', { code: created.code, token: tokenOf(created) }, 30_000));
	const ids = attached?.outcome.ideas.map((i) => i.id) ?? [];
	const voteAck: number[] = [];
	await Promise.all(
		phones.map(async (socket, i) => {
			const pick = [ids[i % ids.length]!, ids[(i * 7) % ids.length]!, ids[(i * 13) % ids.length]!];
			const t = performance.now();
			await ok(request(socket, 'vote:set', { ideaIds: pick }, 30_000));
			voteAck.push(performance.now() - t);
		})
	);
	for (const s of [facilitator, ...phones]) s.close();
	return {
		people,
		ideaAck: summary(ideaAck),
		wall: summary(wallMs),
		ideasOnWall: onWall.size,
		voteAck: summary(voteAck),
		errors: errors.length,
		errorSamples: [...new Set(errors)].slice(0, 5)
	};
}
