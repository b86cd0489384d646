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

/** People an aggregate's figures count: every shown group's n. */
export function peopleIn(results: FacilitatorResults['results']): number {
	let total = 0;
	for (const g of Object.values(results?.groups ?? {})) total += g.n;
	return total;
}

/** A facilitator screen attached to a workshop. */
export async function attachFacilitator(url: string, code: string, token: string): Promise<BenchSocket> {
	const socket = await connectSocket(url);
	const attached = await request(socket, 'facilitator:attach', { code, token }, 30_000);
	if (!attached.ok) throw new Error(`attach: ${attached.error.code}`);
	return socket;
}

/**
 * Starts the reveal and waits for the figures to reach this facilitator screen: the time from the
 * click to the figures on the projector, and how many people the figures count.
 */
export async function revealAndWait(socket: BenchSocket): Promise<{ ms: number; people: number }> {
	const started = performance.now();
	const pushed = new Promise<FacilitatorResults>((resolve) => socket.once('session:results', resolve));
	const ack = await request(socket, 'reveal:set', { step: 'overall' }, 30_000);
	if (!ack.ok) throw new Error(`reveal: ${ack.error.code}`);
	const results = await pushed;
	return { ms: performance.now() - started, people: peopleIn(results.results) };
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
