/**
 * How often a workshop shows a notable gap when the groups truly agree, under the 1.0.0 rule
 * (size alone) and the format-2 rule (size, and either five people a side or beyond twice the
 * standard error), and how often a group counts as split (person-mean AD vs AD_M(J)). The numbers
 * docs/scoring.md reports:  npx tsx scripts/gap-simulation.ts [workshops per cell, default 4000]
 *
 * Noise model of the questionnaire review (§5.2, App. A): an organisation sits on one true level in
 * every dimension; each answer hits that level with probability 0.6 and is otherwise one level off
 * (up or down with equal chance, the only neighbour at level 1 or 3). Three groups of equal size,
 * all drawn from the same organisation: every gap is noise. The real 2.0.0 file and the real
 * `aggregate` are used; only the version is switched to apply the 1.0.0 rules to the same answers.
 * Fixed seed, so a run gives the same numbers every time.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { aggregate, type GroupRole, type Respondent, type ShownGroup } from '../src/lib/core/aggregation.js';
import type { LevelValue, Questionnaire } from '../src/lib/core/questionnaire.schema.js';

const WORKSHOPS = Number(process.argv[2] ?? 4000);
const SIZES = [3, 5, 8];
const LEVELS: LevelValue[] = [1, 2, 3];

const format2 = JSON.parse(readFileSync(resolve(import.meta.dirname, '../questionnaires/service-maturity-2.0.0.json'), 'utf8')) as Questionnaire;
const format1: Questionnaire = { ...format2, version: '1.0.0' };
const groups: { id: string; role: GroupRole }[] = [
	{ id: 'lead', role: 'leadership' },
	{ id: 'team', role: 'team' },
	{ id: 'other', role: 'other' }
];

/** mulberry32: a small, well-mixed 32-bit generator; the seed fixes every number below. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) >>> 0;
		let t = seed;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
	};
}
const rnd = random(20260314);

function noisy(level: LevelValue): LevelValue {
	if (rnd() < 0.6) return level;
	if (level === 1) return 2;
	if (level === 3) return 2;
	return rnd() < 0.5 ? 1 : 3;
}

function person(groupId: string, level: LevelValue): Respondent {
	const answers: Record<string, string> = {};
	for (const question of format2.questions) {
		const chosen = noisy(level);
		answers[question.id] = question.options.find((o) => o.level === chosen)!.id;
	}
	return { groupId, answers };
}

type Cell = { notableBefore: number; notableAfter: number; hintAfter: number; splitBefore: number; splitAfter: number; splitFigures: number };
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

console.log(`${WORKSHOPS} simulated workshops per cell; three groups that truly agree (noise only); seed 20260314`);
console.log('n per group | true level | ≥ 1 notable gap, 1.0.0 rule | ≥ 1 notable gap, 2.0.0 rule | ≥ 1 hint, 2.0.0 | split figures, person AD | split figures, AD_M(J)');
for (const n of SIZES) {
	const total: Cell = { notableBefore: 0, notableAfter: 0, hintAfter: 0, splitBefore: 0, splitAfter: 0, splitFigures: 0 };
	for (const level of LEVELS) {
		const cell: Cell = { notableBefore: 0, notableAfter: 0, hintAfter: 0, splitBefore: 0, splitAfter: 0, splitFigures: 0 };
		for (let w = 0; w < WORKSHOPS; w++) {
			const respondents = groups.flatMap((g) => Array.from({ length: n }, () => person(g.id, level)));
			// Details from 5 people (the default); at n = 3 no group shows a spread, so no split either.
			const input = { groups, respondents, minGroupSize: 3, detailMinSize: 5 };
			const before = aggregate({ questionnaire: format1, ...input });
			const after = aggregate({ questionnaire: format2, ...input });
			if (before.gaps.some((g) => g.notable)) cell.notableBefore++;
			if (after.gaps.some((g) => g.notable)) cell.notableAfter++;
			if (after.gaps.some((g) => g.hint)) cell.hintAfter++;
			for (const id of groups.map((g) => g.id)) {
				const b = Object.values((before.groups[id] as ShownGroup).dimensions);
				const a = Object.values((after.groups[id] as ShownGroup).dimensions);
				cell.splitFigures += b.length;
				cell.splitBefore += b.filter((f) => f.split).length;
				cell.splitAfter += a.filter((f) => f.split).length;
			}
		}
		for (const k of Object.keys(total) as (keyof Cell)[]) total[k] += cell[k];
		console.log(
			`${n} | ${level} | ${pct(cell.notableBefore, WORKSHOPS)} | ${pct(cell.notableAfter, WORKSHOPS)} | ${pct(cell.hintAfter, WORKSHOPS)} | ${pct(cell.splitBefore, cell.splitFigures)} | ${pct(cell.splitAfter, cell.splitFigures)}`
		);
	}
	const all = WORKSHOPS * LEVELS.length;
	console.log(
		`${n} | all | ${pct(total.notableBefore, all)} | ${pct(total.notableAfter, all)} | ${pct(total.hintAfter, all)} | ${pct(total.splitBefore, total.splitFigures)} | ${pct(total.splitAfter, total.splitFigures)}`
	);
}
