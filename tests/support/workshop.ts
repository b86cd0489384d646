import { request } from '../../src/lib/socket/request.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { Ack, CreateSessionBody, CreateSessionResult, Presence, ServerToClientEvents, SessionJoinResult } from '../../src/lib/protocol.js';
import { connect, type TestSocket } from './socket-client.js';

const load = (version: string) =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, `../../questionnaires/service-maturity-${version}.json`), 'utf8')) as Questionnaire;

/** The questionnaire a session gets when none is asked for: the newest published version. */
export const questionnaire = load('2.0.0');
/** The first version, for tests that show old sessions keep working. */
export const questionnaireV1 = load('1.0.0');

/** The facilitator every test signs in as: the server's first account (set up on first use). */
export const TEST_FACILITATOR = { email: 'facilitator@standort.test', password: 'a long test password', name: 'Test Facilitator' };
const cookies = new Map<string, Promise<string>>();

/** A session cookie of `account` on the server at `url`: sets Standort up with it if needed, else signs in. */
export async function signIn(url: string, account = TEST_FACILITATOR): Promise<string> {
	const post = (path: string, body: unknown) => fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	let res = await post('/api/auth/setup', account);
	if (res.status === 409) res = await post('/api/auth/login', { email: account.email, password: account.password });
	if (res.status !== 200 && res.status !== 201) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
	return res.headers.get('set-cookie')!.split(';')[0]!;
}
/** The test facilitator's cookie, signed in once per server. */
export const facilitatorCookie = (url: string): Promise<string> => {
	if (!cookies.has(url)) cookies.set(url, signIn(url));
	return cookies.get(url)!;
};

export async function createSession(url: string, body: CreateSessionBody = { title: 'Test workshop' }, cookie?: string): Promise<CreateSessionResult> {
	const res = await fetch(`${url}/api/sessions`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie: cookie ?? (await facilitatorCookie(url)) },
		body: JSON.stringify(body)
	});
	if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
	return (await res.json()) as CreateSessionResult;
}

export const tokenOf = (created: CreateSessionResult): string => new URL(created.facilitatorUrl).hash.replace('#token=', '');

/** Unwraps an ack or fails the test with the server's error. */
export function ok<A extends Ack<unknown>>(ack: A): Extract<A, { ok: true }>['data'] {
	if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
	return ack.data as Extract<A, { ok: true }>['data'];
}

export async function join(url: string, code: string, groupId: string, resumeToken?: string) {
	const socket = await connect(url);
	const joined: SessionJoinResult = ok(await request(socket, 'session:join', { code, groupId, ...(resumeToken ? { resumeToken } : {}) }));
	return { socket, joined };
}

/** The option of each question at the given level (first one), or null for "don't know". */
export function answersAtLevel(level: 1 | 2 | 3 | ((questionIndex: number) => 1 | 2 | 3 | null), of: Questionnaire = questionnaire) {
	return of.questions.map((q, i) => {
		const l = typeof level === 'function' ? level(i) : level;
		return { questionId: q.id, optionId: l === null ? null : q.options.find((o) => o.level === l)!.id };
	});
}

export async function answerAll(socket: TestSocket, answers: { questionId: string; optionId: string | null }[]) {
	for (const a of answers) ok(await request(socket, 'answer:submit', a));
}

/** Resolves with the first presence push that satisfies `predicate`. */
export function presenceWhere(socket: TestSocket, predicate: (p: Presence) => boolean, timeoutMs = 5000): Promise<Presence> {
	return new Promise((resolvePresence, reject) => {
		const timer = setTimeout(() => {
			socket.off('session:presence', listener);
			reject(new Error('no matching presence update'));
		}, timeoutMs);
		const listener = (p: Presence) => {
			if (!predicate(p)) return;
			clearTimeout(timer);
			socket.off('session:presence', listener);
			resolvePresence(p);
		};
		socket.on('session:presence', listener);
	});
}

export { connect };

/** Every event a socket receives, with its payload, in order; for checks that nothing leaked. */
export function record(socket: TestSocket): { event: string; payload: unknown }[] {
	const seen: { event: string; payload: unknown }[] = [];
	socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
	return seen;
}

/** Resolves with the first `event` whose payload satisfies `predicate`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
	socket: TestSocket,
	event: E,
	predicate: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
	timeoutMs = 5000
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
	type Payload = Parameters<ServerToClientEvents[E]>[0];
	return new Promise((resolveEvent, reject) => {
		const listener = (payload: Payload) => {
			if (!predicate(payload)) return;
			clearTimeout(timer);
			socket.off(event, listener as never);
			resolveEvent(payload);
		};
		const timer = setTimeout(() => {
			socket.off(event, listener as never);
			reject(new Error(`no matching ${event} within ${timeoutMs} ms`));
		}, timeoutMs);
		socket.on(event, listener as never);
	});
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
