import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';

/**
 * A second, independent computation of a workshop's figures, straight from the SQLite file and the
 * questionnaire JSON, for tests to compare the server's figures with. It deliberately shares no
 * code with `src/lib/core`: the same method written again, so a bug in one is caught by the other.
 * Published answers only (`published = 1`), exactly as the server's figures are defined.
 */
export type ReferenceDimension = { n: number; mean: number; index: number; level: number; ad?: number; split?: boolean };
export type ReferenceGroup = { suppressed: true; n: number; needed: number } | { suppressed: false; n: number; dimensions: Record<string, ReferenceDimension>; overall?: { mean: number; index: number; level: number } };

const r2 = (x: number) => Math.round(x * 100) / 100;
const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

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
		const detail = Math.max(session.detail, session.min);
		const levelOfOption = new Map(q.questions.flatMap((x) => x.options.map((o) => [o.id, o.level] as const)));
		const dimensionOf = new Map(q.questions.map((x) => [x.id, x.dimension]));
		const level = (m: number) => (m <= q.scoring.thresholds.reactiveMax ? 1 : m <= q.scoring.thresholds.optimisingMax ? 2 : 3);

		// person → dimension → levels chosen
		const people = new Map<string, { groupId: string; levels: Map<string, number[]> }>();
		for (const row of rows) {
			const p = people.get(row.person) ?? { groupId: row.groupId, levels: new Map<string, number[]>() };
			people.set(row.person, p);
			const d = dimensionOf.get(row.question)!;
			if (!p.levels.has(d)) p.levels.set(d, []);
			if (row.option !== null) p.levels.get(d)!.push(levelOfOption.get(row.option)!);
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
				const scores = members.flatMap((p) => {
					const ls = p.levels.get(d.id) ?? [];
					return ls.length >= q.scoring.minAnswered ? [avg(ls)] : [];
				});
				if (scores.length < session.min || scores.length === 0) continue;
				const m = avg(scores);
				const ad = avg(scores.map((s) => Math.abs(s - m)));
				exact.push(m);
				levels.push(level(m));
				dimensions[d.id] = {
					n: scores.length,
					mean: r2(m),
					index: Math.round(((m - 1) / 2) * 100),
					level: level(m),
					...(scores.length >= detail ? { ad: r2(ad), split: ad >= q.divergence.splitAd - 1e-9 } : {})
				};
			}
			const group: ReferenceGroup = { suppressed: false, n: members.length, dimensions };
			if (exact.length) {
				const m = avg(exact);
				group.overall = { mean: r2(m), index: Math.round(((m - 1) / 2) * 100), level: Math.min(level(m), Math.min(...levels) + q.scoring.overall.maxLevelsAboveWeakest) };
			}
			groups[g] = group;
		}
		return { groups, minGroupSize: session.min, detailMinSize: detail };
	} finally {
		db.close();
	}
}
