/**
 * `npm run bench [-- --quick]`: a workshop under load, against the real built server.
 *
 * The server runs as a child process with a fresh DATA_DIR; this process drives it with real
 * socket.io-clients. Scenario A: one session, 1,000 participants in 3 groups joining over 20 s and
 * answering 20 questions with 1–5 s think time, a facilitator watching; then the facilitator starts
 * the reveal (figures from every answer) and 100 more screens attach at once. Scenario B:
 * 50 sessions × 40 participants at once, each revealed at the end. Then a closed-loop throughput test against the app and
 * against a bare Socket.IO echo server (the floor). Lost or duplicated answers are counted from
 * the SQLite file after the run. Results go to stdout and bench/results.json.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Questionnaire } from '../src/lib/core/questionnaire.schema.js';
import type { CreateSessionResult } from '../src/lib/protocol.js';
import { request } from '../src/lib/socket/request.js';
import { attachFacilitator, between, closedLoop, connectSocket, revealAndWait, runParticipant, type AnswerSample, type BenchSocket } from './participants.js';
import { ideasAndVotes } from './outcome.js';
import { cpuSeconds, rssBytes, startChild, type Child } from './process.js';
import { round1, summary } from './stats.js';

const quick = process.argv.includes('--quick');
/** `--cpu-prof`: the server writes a V8 CPU profile to bench/profiles/ (open it in Chrome DevTools). */
const profile = process.argv.includes('--cpu-prof');
const cfg = quick
	? { a: { people: 150, joinMs: 2000, think: [100, 600] }, b: { sessions: 10, people: 20, joinMs: 1000, think: [50, 300] }, c: { people: 60 }, loop: { clients: 100, ms: 1500 } }
	: { a: { people: 1000, joinMs: 20_000, think: [1000, 5000] }, b: { sessions: 50, people: 40, joinMs: 10_000, think: [500, 2500] }, c: { people: 300 }, loop: { clients: 200, ms: 5000 } };

const questionnaire = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;
const GROUPS = ['g1', 'g2', 'g3'];
const MB = 1024 * 1024;

async function createSession(url: string, title: string): Promise<CreateSessionResult> {
	const res = await fetch(`${url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title }) });
	if (res.status !== 201) throw new Error(`create failed: ${res.status}`);
	return (await res.json()) as CreateSessionResult;
}

/** Server memory and sockets; `settled` collects garbage first, for readings that compare. */
async function metrics(url: string, settled = false) {
	return (await (await fetch(`${url}/api/metrics${settled ? '?gc=1' : ''}`)).json()) as {
		rss: number;
		heapUsed: number;
		heapTotal: number;
		external: number;
		sockets: number;
	};
}

const tokenOf = (s: CreateSessionResult) => new URL(s.facilitatorUrl).hash.replace('#token=', '');

/** Runs a set of sessions full of paced participants; returns latencies and counts. */
async function scenario(server: Child, sessions: number, people: number, joinMs: number, think: number[]) {
	const created = await Promise.all(Array.from({ length: sessions }, (_, i) => createSession(server.url, `Bench ${i + 1}`)));
	const acked = created.map(() => [] as AnswerSample[]);
	const watchers = await Promise.all(created.map((s) => attachFacilitator(server.url, s.code, tokenOf(s))));
	const sockets: BenchSocket[] = [];
	const errors: string[] = [];
	const idle = await metrics(server.url, true);
	const cpuBefore = cpuSeconds(server.pid);
	// One settled reading once everyone is connected and joined (the joins end after joinMs).
	let full = { rss: 0, heapUsed: 0, heapTotal: 0, external: 0, sockets: 0 };
	let half = full;
	const total = sessions * people;
	const fullReading = (async () => {
		// A reading at half the room too: the slope between the two is the cost of one more
		// participant, without the one-off growth of a process that starts serving.
		while (sockets.length < total / 2) await new Promise((r) => setTimeout(r, 50));
		half = await metrics(server.url, true);
		while (sockets.length < total) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 500));
		full = await metrics(server.url, true);
	})();
	const started = performance.now();
	await Promise.all(
		created.flatMap((s, si) =>
			Array.from({ length: people }, (_, p) =>
				runParticipant({
					url: server.url,
					code: s.code,
					groupId: GROUPS[p % GROUPS.length]!,
					questionnaire,
					startDelayMs: Math.random() * joinMs,
					thinkMs: () => between(think[0]!, think[1]!),
					onAck: (sample) => acked[si]!.push(sample),
					onError: (e) => errors.push(e),
					connected: (socket) => sockets.push(socket)
				}).catch((e: Error) => void errors.push(e.message))
			)
		)
	);
	const seconds = (performance.now() - started) / 1000;
	await fullReading;
	// Every workshop starts its reveal at once: the figures must count every person who answered.
	const reveals = await Promise.all(watchers.map((w) => revealAndWait(w)));
	const counted = reveals.reduce((n, r) => n + r.people, 0);
	// Then 100 more facilitator screens attach to the first workshop at once: each gets the figures
	// computed once at the reveal, not a new aggregate per attach.
	const attachMs: number[] = [];
	const extra = await Promise.all(
		Array.from({ length: 100 }, async () => {
			const socket = await connectSocket(server.url);
			const t = performance.now();
			const ack = await request(socket, 'facilitator:attach', { code: created[0]!.code, token: tokenOf(created[0]!) }, 30_000);
			attachMs.push(performance.now() - t);
			if (!ack.ok) errors.push(`attach: ${ack.error.code}`);
			return socket;
		})
	);
	const cpu = cpuSeconds(server.pid) - cpuBefore;
	const answers = acked.flat();
	for (const s of [...sockets, ...watchers, ...extra]) s.close();
	return {
		codes: created.map((s) => s.code),
		ackedPerSession: acked.map((a) => a.length),
		ack: summary(answers.map((a) => a.latency)),
		reveal: summary(reveals.map((r) => r.ms)),
		/** People the revealed figures count, against the people who took part. */
		revealCounted: { counted, participants: sessions * people },
		attach: summary(attachMs),
		answersPerSecond: round1(answers.length / seconds),
		seconds: round1(seconds),
		errors: errors.length,
		errorSamples: [...new Set(errors)].slice(0, 5),
		memory: {
			idleRssMB: round1(idle.rss / MB),
			connectedRssMB: round1(full.rss / MB),
			connectedHeapMB: round1(full.heapUsed / MB),
			connected: full.sockets,
			rssKBPerParticipant: round1((full.rss - idle.rss) / 1024 / Math.max(1, full.sockets - idle.sockets)),
			heapKBPerParticipant: round1((full.heapUsed - idle.heapUsed) / 1024 / Math.max(1, full.sockets - idle.sockets)),
			heapTotalKBPerParticipant: round1((full.heapTotal - idle.heapTotal) / 1024 / Math.max(1, full.sockets - idle.sockets)),
			externalKBPerParticipant: round1((full.external - idle.external) / 1024 / Math.max(1, full.sockets - idle.sockets)),
			rssKBPerAdditionalParticipant: round1((full.rss - half.rss) / 1024 / Math.max(1, full.sockets - half.sockets)),
			halfConnected: half.sockets
		},
		cpuSeconds: round1(cpu)
	};
}

/** Reads the SQLite file: every acked answer must be there once; nothing may be there twice. */
function audit(dataDir: string, codes: string[], ackedPerSession: number[]) {
	const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
	const count = db.prepare(`SELECT count(*) AS rows, count(DISTINCT a.participant_id || '|' || a.question_id) AS pairs
		FROM answers a JOIN participants p ON p.id = a.participant_id JOIN sessions s ON s.id = p.session_id WHERE s.code = ?`);
	let lost = 0;
	let duplicated = 0;
	codes.forEach((code, i) => {
		const { rows, pairs } = count.get(code) as { rows: number; pairs: number };
		lost += Math.max(0, ackedPerSession[i]! - pairs);
		duplicated += rows - pairs;
	});
	db.close();
	return { lost, duplicated };
}

async function throughput(url: string, clients: number, ms: number, join: boolean) {
	const sockets = await Promise.all(Array.from({ length: clients }, () => connectSocket(url)));
	if (join) {
		const s = await createSession(url, 'Throughput');
		await Promise.all(sockets.map((socket, i) => request(socket, 'session:join', { code: s.code, groupId: GROUPS[i % 3]! }, 30_000)));
	}
	const qs = questionnaire.questions;
	const result = await closedLoop(sockets, ms, (_, n) => {
		const q = qs[n % qs.length]!;
		return { questionId: q.id, optionId: q.options[n % q.options.length]!.id };
	});
	sockets.forEach((s) => s.close());
	return result;
}

async function main() {
	const { ensureBuild } = await import('../scripts/ensure-build.mjs');
	ensureBuild();
	const dataDirs: string[] = [];
	/** A fresh server (and data directory) per scenario, so each one's idle memory is its own. */
	const freshServer = () => {
		const dataDir = mkdtempSync(join(tmpdir(), 'standort-bench-'));
		dataDirs.push(dataDir);
		return startChild(
			'dist/server/index.js',
			{
				PORT: '0',
				HOST: '127.0.0.1',
				DATA_DIR: dataDir,
				STANDORT_METRICS: '1',
				// Every simulated phone comes from this machine's one address.
				STANDORT_JOIN_FAILURES_PER_MINUTE: '100000',
				STANDORT_NEW_PARTICIPANTS_PER_ADDRESS: '1000000',
				STANDORT_NEW_PARTICIPANTS_PER_WORKSHOP: '1000000',
				STANDORT_REQUESTS_PER_SOCKET: '100000',
				STANDORT_NEW_WORKSHOPS_PER_ADDRESS: '100000'
			},
			/open http:\/\/\S+:(\d+)/,
			`--expose-gc${profile ? ' --cpu-prof --cpu-prof-dir=bench/profiles' : ''}`
		);
	};
	console.log(`Standort benchmark (${quick ? 'quick' : 'full'}); open-file limit raised to the hard limit for the servers.`);
	const t0 = performance.now();
	try {
		console.log(`Scenario A: 1 session × ${cfg.a.people} participants…`);
		const serverA = await freshServer();
		// `--only-b`: a token scenario A, for quick work on B's figures.
		if (process.argv.includes('--only-b')) cfg.a = { people: 3, joinMs: 100, think: [10, 20] };
		const a = await scenario(serverA, 1, cfg.a.people, cfg.a.joinMs, cfg.a.think);
		const cpuA = cpuSeconds(serverA.pid);
		await serverA.stop();
		const integrityA = audit(dataDirs[0]!, a.codes, a.ackedPerSession);

		console.log(`Scenario B: ${cfg.b.sessions} sessions × ${cfg.b.people} participants…`);
		const serverB = await freshServer();
		const b = await scenario(serverB, cfg.b.sessions, cfg.b.people, cfg.b.joinMs, cfg.b.think);
		console.log('Throughput: closed loop against the app and against a bare Socket.IO echo server…');
		const app = await throughput(serverB.url, cfg.loop.clients, cfg.loop.ms, true);
		const echoServer = await startChild('bench/echo-server.mjs', {}, /listening on http:\/\/\S+:(\d+)/);
		const echo = await throughput(echoServer.url, cfg.loop.clients, cfg.loop.ms, false);
		const echoCpu = cpuSeconds(echoServer.pid);
		await echoServer.stop();
		const serverCpu = cpuA + cpuSeconds(serverB.pid);
		const serverRss = rssBytes(serverB.pid);
		await serverB.stop();

		console.log(`Scenario C: ${cfg.c.people} people propose ideas and vote at once…`);
		const serverC = await freshServer();
		const c = await ideasAndVotes(serverC.url, await createSession(serverC.url, 'Ideas'), cfg.c.people);
		await serverC.stop();
		const integrityB = audit(dataDirs[1]!, b.codes, b.ackedPerSession);
		const integrity = { lost: integrityA.lost + integrityB.lost, duplicated: integrityA.duplicated + integrityB.duplicated };

		let sizes: Record<string, { gzipKB: number }> | { error: string };
		try {
			const { measureSizes } = await import('../scripts/size.mjs');
			sizes = await measureSizes();
		} catch (error) {
			sizes = { error: `not measured: ${(error as Error).message.split('\n')[0]}` };
		}

		const strip = ({ codes: _c, ackedPerSession: _a, ...rest }: typeof a) => rest;
		const report = {
			mode: quick ? 'quick' : 'full',
			machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
			scenarioA: strip(a),
			scenarioB: strip(b),
			scenarioC: c,
			throughput: { appAnswersPerSecond: app.perSecond, echoAcksPerSecond: echo.perSecond, ratio: Number((app.perSecond / echo.perSecond).toFixed(2)), clients: cfg.loop.clients, appErrors: app.errors, echoCpuSeconds: round1(echoCpu) },
			integrity,
			server: { cpuSecondsTotal: round1(serverCpu), finalRssMB: round1(serverRss / MB) },
			participantPageJs: sizes,
			runSeconds: round1((performance.now() - t0) / 1000)
		};
		writeFileSync('bench/results.json', JSON.stringify(report, null, 2));
		printTable(report);
	} finally {
		for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
	}
}

type Report = {
	scenarioA: Omit<Awaited<ReturnType<typeof scenario>>, 'codes' | 'ackedPerSession'>;
	scenarioB: Omit<Awaited<ReturnType<typeof scenario>>, 'codes' | 'ackedPerSession'>;
	scenarioC: Awaited<ReturnType<typeof ideasAndVotes>>;
	throughput: { appAnswersPerSecond: number; echoAcksPerSecond: number; ratio: number };
	integrity: { lost: number; duplicated: number };
	participantPageJs: Record<string, { gzipKB: number }> | { error: string };
	runSeconds: number;
};

function printTable(r: Report) {
	const pass = (ok: boolean) => (ok ? 'ok' : 'MISSED');
	const js = 'error' in r.participantPageJs ? undefined : r.participantPageJs['participant (join + question screen)']?.gzipKB;
	const rows = [
		['lost / duplicated answers', `${r.integrity.lost} / ${r.integrity.duplicated}`, '0 / 0', pass(r.integrity.lost === 0 && r.integrity.duplicated === 0)],
		['A: answer ack p50/p95/p99 ms', `${r.scenarioA.ack.p50} / ${r.scenarioA.ack.p95} / ${r.scenarioA.ack.p99}`, 'p95 ≤ 50', pass(r.scenarioA.ack.p95 <= 50)],
		['A: reveal → figures on screen ms', `${r.scenarioA.reveal.p50}`, '≤ 250', pass(r.scenarioA.reveal.p95 <= 250)],
		['A: people counted at the reveal', `${r.scenarioA.revealCounted.counted} of ${r.scenarioA.revealCounted.participants}`, 'all', pass(r.scenarioA.revealCounted.counted === r.scenarioA.revealCounted.participants)],
		['A: 100 attaches at once p50/p95 ms', `${r.scenarioA.attach.p50} / ${r.scenarioA.attach.p95}`, '', ''],
		['A: answers/s paced, errors', `${r.scenarioA.answersPerSecond}, ${r.scenarioA.errors}`, '', ''],
		['B: answer ack p50/p95/p99 ms', `${r.scenarioB.ack.p50} / ${r.scenarioB.ack.p95} / ${r.scenarioB.ack.p99}`, 'p95 ≤ 100', pass(r.scenarioB.ack.p95 <= 100)],
		['B: all workshops revealed at once → figures p50/p95 ms', `${r.scenarioB.reveal.p50} / ${r.scenarioB.reveal.p95}`, '', ''],
		['B: people counted at the reveals', `${r.scenarioB.revealCounted.counted} of ${r.scenarioB.revealCounted.participants}`, 'all', pass(r.scenarioB.revealCounted.counted === r.scenarioB.revealCounted.participants)],
		['B: RSS KB per participant above idle', `${r.scenarioB.memory.rssKBPerParticipant} (heap ${r.scenarioB.memory.heapKBPerParticipant}, ${r.scenarioB.memory.connected} sockets)`, '≤ 30', pass(r.scenarioB.memory.rssKBPerParticipant <= 30)],
		['B: RSS KB per additional participant', `${r.scenarioB.memory.rssKBPerAdditionalParticipant} (${r.scenarioB.memory.halfConnected} → ${r.scenarioB.memory.connected} sockets)`, '', ''],
		['B: answers/s paced, errors', `${r.scenarioB.answersPerSecond}, ${r.scenarioB.errors}`, '', ''],
		[`C: ${r.scenarioC.people} ideas at once, ack p50/p95 ms`, `${r.scenarioC.ideaAck.p50} / ${r.scenarioC.ideaAck.p95}`, 'p95 ≤ 50', pass(r.scenarioC.ideaAck.p95 <= 50)],
		['C: idea → projector wall p50/p95 ms', `${r.scenarioC.wall.p50} / ${r.scenarioC.wall.p95} (${r.scenarioC.ideasOnWall} on the wall)`, 'p95 ≤ 250', pass(r.scenarioC.wall.p95 <= 250 && r.scenarioC.ideasOnWall === r.scenarioC.people)],
		[`C: ${r.scenarioC.people} votes at once, ack p50/p95 ms`, `${r.scenarioC.voteAck.p50} / ${r.scenarioC.voteAck.p95}, errors ${r.scenarioC.errors}`, 'p95 ≤ 50', pass(r.scenarioC.voteAck.p95 <= 50 && r.scenarioC.errors === 0)],
		['answers/s sustained vs echo acks/s', `${r.throughput.appAnswersPerSecond} vs ${r.throughput.echoAcksPerSecond} (${r.throughput.ratio})`, '≥ 0.5', pass(r.throughput.ratio >= 0.5)],
		['server CPU s (A / B)', `${r.scenarioA.cpuSeconds} / ${r.scenarioB.cpuSeconds}`, '', ''],
		['participant page JS gzip KB', js === undefined ? 'not measured' : String(js), '≤ 80', js === undefined ? '' : pass(js <= 80)],
		['run time s', String(r.runSeconds), quick ? '< 30' : '< 180', '']
	];
	const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
	for (const row of rows) console.log(`${row[0]!.padEnd(w[0]!)}  ${row[1]!.padEnd(w[1]!)}  ${row[2]!.padEnd(w[2]!)}  ${row[3]}`);
	console.log('\nFull figures in bench/results.json');
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
