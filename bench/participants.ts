import { io, type Socket } from 'socket.io-client';
import type { Questionnaire } from '../src/lib/core/questionnaire.schema.js';
import type { ClientToServerEvents, FacilitatorResults, ServerToClientEvents } from '../src/lib/protocol.js';
import { request } from '../src/lib/socket/request.js';

export type BenchSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type AnswerSample = { sentAt: number; latency: number };

export function connectSocket(url: string): Promise<BenchSocket> {
	const socket: BenchSocket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, timeout: 30_000 });
	return new Promise((resolve, reject) => {
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', reject);
	});
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const between = (min: number, max: number) => min + Math.random() * (max - min);

/** One simulated phone: joins a group and answers every question after a think time. */
export async function runParticipant(opts: {
	url: string;
	code: string;
	groupId: string;
	questionnaire: Questionnaire;
	startDelayMs: number;
	thinkMs: () => number;
	onAck: (sample: AnswerSample) => void;
	onError: (message: string) => void;
	connected: (socket: BenchSocket) => void;
}): Promise<void> {
	await sleep(opts.startDelayMs);
	const socket = await connectSocket(opts.url);
	opts.connected(socket);
	const joined = await request(socket, 'session:join', { code: opts.code, groupId: opts.groupId }, 30_000);
	if (!joined.ok) return opts.onError(`join: ${joined.error.code}`);
	for (const question of opts.questionnaire.questions) {
		await sleep(opts.thinkMs());
		const option = question.options[Math.floor(Math.random() * question.options.length)]!;
		const optionId = Math.random() < 0.05 ? null : option.id;
		const sentAt = performance.now();
		const ack = await request(socket, 'answer:submit', { questionId: question.id, optionId }, 30_000).catch((e: Error) => e);
		if (ack instanceof Error) opts.onError(`answer: ${ack.message}`);
		else if (!ack.ok) opts.onError(`answer: ${ack.error.code}`);
		else opts.onAck({ sentAt, latency: performance.now() - sentAt });
	}
}

/** Total answers an aggregate accounts for (every question's count over every shown group). */
export function answersIn(results: FacilitatorResults['results']): number {
	let total = 0;
	for (const byGroup of Object.values(results.questions)) for (const d of Object.values(byGroup)) total += d.n;
	return total;
}

/**
 * A facilitator watching the results. Each push says how many answers it includes; every answer
 * sent before that many were acked is then visible, and its latency is push time minus send time.
 */
export async function watchResults(url: string, code: string, token: string, acked: AnswerSample[], latencies: number[]) {
	const socket = await connectSocket(url);
	const attached = await request(socket, 'facilitator:attach', { code, token }, 30_000);
	if (!attached.ok) throw new Error(`attach: ${attached.error.code}`);
	let seen = 0;
	socket.on('session:results', ({ results }) => {
		const now = performance.now();
		const total = Math.min(answersIn(results), acked.length);
		for (; seen < total; seen++) latencies.push(now - acked[seen]!.sentAt);
	});
	return socket;
}

/** Closed loop for `ms`: every client sends its next request as soon as the previous one is acked. */
export async function closedLoop(sockets: BenchSocket[], ms: number, payloadFor: (i: number, n: number) => { questionId: string; optionId: string | null }) {
	let acks = 0;
	let errors = 0;
	const end = performance.now() + ms;
	await Promise.all(
		sockets.map(async (socket, i) => {
			for (let n = 0; performance.now() < end; n++) {
				const ack = await request(socket, 'answer:submit', payloadFor(i, n), 10_000).catch(() => undefined);
				if (ack?.ok) acks++;
				else errors++;
			}
		})
	);
	return { perSecond: Math.round(acks / (ms / 1000)), errors };
}
