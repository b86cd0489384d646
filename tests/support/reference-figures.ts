import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';

/**
 * A second, independent computation of a workshop's figures, straight from the SQLite file and the
 * questionnaire JSON, for tests to compare the server's figures with. It deliberately shares no
 * code with `src/lib/core`: the same method written again, so a bug in one is caught by the other.
 * Published answers only (`published = 1`), exactly as the server's figures are defined.
 * Format 2 (version ≥ 2): spread per question averaged over the dimension (AD_M(J)), transitions
 * at exact boundaries and a provisional overall with fewer than 5 of 6 dimensions (docs/scoring.md).
 */
type Transition = [number, number];
type Provisional = { reason: 'few-dimensions' | 'cap-unknown'; scored: number; required: number; unscored: string[] };
export type ReferenceDimension = {
	n: number;
	mean: number;
	index: number;
	level: number;
	transition?: Transition;
	dontKnowShare: number;
	ad?: number;
	split?: boolean;
};
export type ReferenceGroup =
	| { suppressed: true; n: number; needed: number }
	| {
			suppressed: false;
			n: number;
			dimensions: Record<string, ReferenceDimension>;
			overall?: { mean: number; index: number; level: number; transition?: Transition; provisional?: Provisional };
	  };

const r2 = (x: number) => Math.round(x * 100) / 100;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const absDev = (xs: number[]) => {
	const m = avg(xs);
	return avg(xs.map((x) => Math.abs(x - m)));
};

export function referenceFigures(dataDir: string, code: string, q: Questionnaire) {
	const db = new Database(join(dataDir, 'standort.sqlite'), { readonly: true });
	try {
		const session = db.prepare('SELECT id, min_group_size AS min, detail_min_size AS detail FROM sessions WHERE code = ?').get(code) as { id: number; min: number; detail: number };
		const groupIds = (db.prepare('SELECT group_id AS id FROM session_groups WHERE session_id = ? ORDER BY position').all(session.id) as { id: string }[]).map((g) => g.id);
		const rows = db
			.prepare(
				`SELECT p.id AS person, p.group_id AS groupId, a.question_id AS question, a.published_option_id AS option
				FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.session_id = ? AND a.published = 1`
			)
			.all(session.id) as { person: string; groupId: string; question: string; option: string | null }[];
		const format2 = Number(q.version.split('.')[0]) >= 2;
		const detail = Math.max(session.detail, session.min);
		const levelOfOption = new Map(q.questions.flatMap((x) => x.options.map((o) => [o.id, o.level] as const)));
		const dimensionOf = new Map(q.questions.map((x) => [x.id, x.dimension]));
		const { reactiveMax, optimisingMax } = q.scoring.thresholds;
		const level = (m: number) => (m <= reactiveMax ? 1 : m <= optimisingMax ? 2 : 3);
		const transition = (m: number): Transition | undefined =>
			!format2 ? undefined : Math.abs(m - reactiveMax) < 1e-9 ? [1, 2] : Math.abs(m - optimisingMax) < 1e-9 ? [2, 3] : undefined;

		// person → dimension → levels chosen and "don't know" count; person → question → level
		type Person = { groupId: string; levels: Map<string, number[]>; dontKnow: Map<string, number>; byQuestion: Map<string, number> };
		const people = new Map<string, Person>();
		for (const row of rows) {
			const p = people.get(row.person) ?? { groupId: row.groupId, levels: new Map(), dontKnow: new Map(), byQuestion: new Map() };
			people.set(row.person, p);
			const d = dimensionOf.get(row.question)!;
			if (!p.levels.has(d)) p.levels.set(d, []);
			if (row.option === null) p.dontKnow.set(d, (p.dontKnow.get(d) ?? 0) + 1);
			else {
				p.levels.get(d)!.push(levelOfOption.get(row.option)!);
				p.byQuestion.set(row.question, levelOfOption.get(row.option)!);
			}
		}

		const groups: Record<string, ReferenceGroup> = {};
		for (const g of groupIds) {
			const members = [...people.values()].filter((p) => p.groupId === g);
			if (members.length < session.min) {
				groups[g] = { suppressed: true, n: members.length, needed: session.min - members.length };
				continue;
			}
			const dimensions: Record<string, ReferenceDimension> = {};
			const exact: number[] = [];
			const levels: number[] = [];
			for (const d of q.dimensions) {
				const scoredPeople = members.filter((p) => (p.levels.get(d.id) ?? []).length >= q.scoring.minAnswered);
				const scores = scoredPeople.map((p) => avg(p.levels.get(d.id)!));
				if (scores.length < session.min || scores.length === 0) continue;
				const m = avg(scores);
				exact.push(m);
				levels.push(level(m));
				const dontKnow = members.reduce((n, p) => n + (p.dontKnow.get(d.id) ?? 0), 0);
				const given = members.reduce((n, p) => n + (p.dontKnow.get(d.id) ?? 0) + (p.levels.get(d.id) ?? []).length, 0);
				let ad: number | undefined;
				if (scores.length >= detail) {
					if (!format2) ad = absDev(scores);
					else {
						const perQuestion = q.questions
							.filter((x) => x.dimension === d.id)
							.map((x) => scoredPeople.flatMap((p) => (p.byQuestion.has(x.id) ? [p.byQuestion.get(x.id)!] : [])))
							.filter((ls) => ls.length >= 2)
							.map(absDev);
						ad = perQuestion.length ? avg(perQuestion) : undefined;
					}
				}
				const t = transition(m);
				dimensions[d.id] = {
					n: scores.length,
					mean: r2(m),
					index: Math.round(((m - 1) / 2) * 100),
					level: level(m),
					...(t ? { transition: t } : {}),
					dontKnowShare: given === 0 ? 0 : r2(dontKnow / given),
					...(ad !== undefined ? { ad: r2(ad), split: ad >= q.divergence.splitAd - 1e-9 } : {})
				};
			}
			const group: ReferenceGroup = { suppressed: false, n: members.length, dimensions };
			if (exact.length) {
				const m = avg(exact);
				const cap = Math.min(...levels) + q.scoring.overall.maxLevelsAboveWeakest;
				const lvl = Math.min(level(m), cap);
				const t = transition(m);
				const shownTransition = t && t[1] <= cap ? t : undefined;
				const unscored = q.dimensions.map((d) => d.id).filter((id) => !(id in dimensions));
				const required = q.dimensions.length - 1;
				const top = shownTransition ? shownTransition[1] : lvl;
				const provisional: Provisional | undefined = !format2
					? undefined
					: exact.length < required
						? { reason: 'few-dimensions', scored: exact.length, required, unscored }
						: unscored.length && top > 1 + q.scoring.overall.maxLevelsAboveWeakest
							? { reason: 'cap-unknown', scored: exact.length, required, unscored }
							: undefined;
				group.overall = {
					mean: r2(m),
					index: Math.round(((m - 1) / 2) * 100),
					level: lvl,
					...(shownTransition ? { transition: shownTransition } : {}),
					...(provisional ? { provisional } : {})
				};
			}
			groups[g] = group;
		}
		return { groups, minGroupSize: session.min, detailMinSize: detail };
	} finally {
		db.close();
	}
}
