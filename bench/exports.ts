/**
 * `npm run bench:exports`: how long each export of a large workshop takes, against the real built
 * server. 300 people join over real sockets in three groups and answer every question; the room
 * reveals, agrees on every dimension, puts 60 ideas on the wall and votes (every person three dots),
 * and the facilitator plans 40 measures. Then every export is fetched with the facilitator's token:
 * once cold (the first request after the last change), then `RUNS` times warm, each timed to the
 * last byte. The target is under 2 s per format. Results go to stdout and bench/exports.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Questionnaire } from '../src/lib/core/questionnaire.schema.js';
import type { CreateSessionResult } from '../src/lib/protocol.js';
import { request } from '../src/lib/socket/request.js';
import { attachFacilitator, connectSocket, type BenchSocket } from './participants.js';
import { startChild } from './process.js';
import { round1, summary } from './stats.js';

const PEOPLE = 300;
const IDEAS = 60;
const MEASURES = 40;
const RUNS = 5;
const TARGET_MS = 2000;
const EXPORTS = ['report.json', 'export.xlsx', 'export.pptx', 'export.zip', 'export/questions.csv', 'roadmap.csv', 'roadmap.ics'];
const questionnaire = JSON.parse(readFileSync('questionnaires/service-maturity-2.0.0.json', 'utf8')) as Questionnaire;

async function ok<T>(ack: Promise<{ ok: true; data: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> {
	const result = await ack;
	if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
	return result.data;
}

/** 300 phones, 50 at a time: join, answer every question (a level per person and dimension, some "don't know"). */
async function fillTheRoom(url: string, code: string): Promise<BenchSocket[]> {
	const phones: BenchSocket[] = [];
	for (let i = 0; i < PEOPLE; i += 50)
		phones.push(
			...(await Promise.all(
				Array.from({ length: Math.min(50, PEOPLE - i) }, async (_, j) => {
					const n = i + j;
					const socket = await connectSocket(url);
					await ok(request(socket, 'session:join', { code, groupId: `g${(n % 3) + 1}` }, 30_000));
					for (const [k, question] of questionnaire.questions.entries()) {
						const level = ((n + k * (n % 3)) % 3) + 1;
						const optionId = (n * 7 + k) % 19 === 0 ? null : question.options.find((o) => o.level === level)!.id;
						await ok(request(socket, 'answer:submit', { questionId: question.id, optionId }, 30_000));
					}
					return socket;
				})
			))
		);
	return phones;
}

async function theOutcome(facilitator: BenchSocket, phones: BenchSocket[]) {
	await ok(request(facilitator, 'reveal:set', { step: 'agenda' }, 30_000));
	for (const [i, d] of questionnaire.dimensions.entries())
		await ok(request(facilitator, 'agreement:set', { dimensionId: d.id, current: ((i % 2) + 1) as 1 | 2, target: ((i % 2) + 2) as 2 | 3, note: `Kernaussage ${i + 1}: die Gruppen sehen diese Dimension unterschiedlich.` }));
	await ok(request(facilitator, 'reveal:set', { step: 'ideas' }, 30_000));
	const ideas = await Promise.all(
		phones.slice(0, IDEAS).map(async (socket, i) => (await ok(request(socket, 'idea:submit', { text: `Idee ${i + 1}: ${'mehr Zeit für Verbesserungen '.repeat(1 + (i % 4))}`.trim().slice(0, 200), dimensionId: questionnaire.dimensions[i % 6]!.id }, 30_000))).idea.id)
	);
	await ok(request(facilitator, 'reveal:set', { step: 'vote' }, 30_000));
	await Promise.all(phones.map((socket, i) => ok(request(socket, 'vote:set', { ideaIds: [ideas[i % IDEAS]!, ideas[(i * 7) % IDEAS]!, ideas[(i * 13) % IDEAS]!] }, 30_000))));
	await ok(request(facilitator, 'reveal:set', { step: 'roadmap' }, 30_000));
	for (let i = 0; i < MEASURES; i++) {
		const quick = i % 4 === 0;
		const startMonth = quick ? 1 + (i % 3) : 1 + (i % 9);
		await ok(
			request(facilitator, 'measure:create', {
				title: `Maßnahme ${i + 1}: ${quick ? 'schnell sichtbar machen' : 'dauerhaft verankern'}`,
				dimensionId: questionnaire.dimensions[i % 6]!.id,
				kind: quick ? 'quick-win' : 'project',
				startMonth,
				endMonth: quick ? 3 : Math.min(12, startMonth + 2 + (i % 4)),
				owner: `Verantwortlich ${i % 5}`,
				metric: 'Wöchentlich gemessen, monatlich berichtet',
				effort: (['S', 'M', 'L'] as const)[i % 3],
				impact: (['S', 'M', 'L'] as const)[(i + 1) % 3]
			}, 30_000)
		);
	}
}

async function timed(url: string, code: string, token: string, path: string) {
	const started = performance.now();
	const res = await fetch(`${url}/api/sessions/${code}/${path}`, { headers: { authorization: `Bearer ${token}` } });
	const bytes = (await res.arrayBuffer()).byteLength;
	if (!res.ok) throw new Error(`${path}: ${res.status}`);
	return { ms: performance.now() - started, bytes };
}

async function main() {
	const { ensureBuild } = await import('../scripts/ensure-build.mjs');
	ensureBuild();
	const dataDir = mkdtempSync(join(tmpdir(), 'standort-bench-exports-'));
	const server = await startChild(
		'dist/server/index.js',
		{
			PORT: '0',
			HOST: '127.0.0.1',
			DATA_DIR: dataDir,
			// Every simulated phone comes from this machine's one address.
			STANDORT_NEW_PARTICIPANTS_PER_ADDRESS: '1000000',
			STANDORT_NEW_PARTICIPANTS_PER_WORKSHOP: '1000000',
			STANDORT_REQUESTS_PER_SOCKET: '100000'
		},
		/open http:\/\/\S+:(\d+)/
	);
	try {
		console.log(`Exports benchmark: ${PEOPLE} people, ${IDEAS} ideas, ${MEASURES} measures…`);
		const res = await fetch(`${server.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Export-Benchmark', organisation: 'Standort', language: 'de' }) });
		const created = (await res.json()) as CreateSessionResult;
		const token = new URL(created.facilitatorUrl).hash.replace('#token=', '');
		const t0 = performance.now();
		const phones = await fillTheRoom(server.url, created.code);
		const facilitator = await attachFacilitator(server.url, created.code, token);
		await theOutcome(facilitator, phones);
		console.log(`  seeded in ${round1((performance.now() - t0) / 1000)} s`);
		for (const s of [facilitator, ...phones]) s.close();

		const rows: { path: string; coldMs: number; warm: ReturnType<typeof summary>; maxMs: number; kB: number }[] = [];
		for (const path of EXPORTS) {
			const cold = await timed(server.url, created.code, token, path);
			const warm: number[] = [];
			for (let i = 0; i < RUNS; i++) warm.push((await timed(server.url, created.code, token, path)).ms);
			rows.push({ path, coldMs: round1(cold.ms), warm: summary(warm), maxMs: round1(Math.max(cold.ms, ...warm)), kB: round1(cold.bytes / 1024) });
		}
		const report = { machine: { cpus: cpus().length, node: process.version }, people: PEOPLE, ideas: IDEAS, measures: MEASURES, runs: RUNS, targetMs: TARGET_MS, exports: rows };
		writeFileSync('bench/exports.json', JSON.stringify(report, null, 2));
		const w = Math.max(...rows.map((r) => r.path.length));
		console.log(`${'export'.padEnd(w)}  cold ms  warm p50 ms  max ms  size kB`);
		for (const r of rows)
			console.log(`${r.path.padEnd(w)}  ${String(r.coldMs).padStart(7)}  ${String(r.warm.p50).padStart(11)}  ${String(r.maxMs).padStart(6)}  ${String(r.kB).padStart(7)}  ${r.maxMs < TARGET_MS ? 'ok' : 'MISSED'}`);
		console.log('\nFull figures in bench/exports.json');
		if (rows.some((r) => r.maxMs >= TARGET_MS)) process.exitCode = 1;
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
