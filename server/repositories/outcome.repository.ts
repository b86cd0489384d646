import type { Agreement, Idea, IdeaSource, Measure, MeasureKind, MeasureStatus, Size, Verdict, VerdictCounts } from '../../src/lib/core/outcome.js';
import type { LevelValue } from '../../src/lib/core/questionnaire.schema.js';
import type { Db } from '../db/database.js';

export type NewIdea = { id: string; sessionId: number; text: string; dimensionId: string | null; source: IdeaSource };
export type MeasureFields = {
	title: string;
	dimensionId: string;
	kind: MeasureKind;
	startMonth: number;
	endMonth: number;
	owner: string;
	metric: string;
	effort: Size | null;
	impact: Size | null;
	status: MeasureStatus;
	ideaId: string | null;
};

type IdeaRow = Omit<Idea, 'hidden' | 'votes'> & { hidden: 0 | 1; votes: number | null };
const IDEA_COLUMNS = `i.id, i.text, i.dimension_id AS dimensionId, i.hidden, i.merged_into AS mergedInto, i.source, i.version`;
const MEASURE_COLUMNS = `id, title, dimension_id AS dimensionId, kind, start_month AS startMonth, end_month AS endMonth, owner, metric,
	effort, impact, status, idea_id AS ideaId, version`;
const ideaOf = (row: IdeaRow): Idea => ({ ...row, hidden: row.hidden === 1 });

/**
 * Agreements, ideas, votes and measures of a workshop: the only SQL about the outcome. Updates
 * take the version the caller saw and report whether they applied, so a stale edit is a conflict,
 * never a lost update (run them inside one write-queue transaction with the read that follows).
 */
export function createOutcomeRepository(db: Db) {
	const agreementsOf = db.prepare<[number], Agreement>(`SELECT dimension_id AS dimensionId, current_level AS current, target_level AS target, note, version
		FROM agreements WHERE session_id = ? ORDER BY rowid`);
	const agreementOf = db.prepare<[number, string], Agreement>(`SELECT dimension_id AS dimensionId, current_level AS current, target_level AS target, note, version
		FROM agreements WHERE session_id = ? AND dimension_id = ?`);
	const insertAgreement = db.prepare(`INSERT INTO agreements (session_id, dimension_id, current_level, target_level, note) VALUES (?, ?, ?, ?, ?)`);
	const updateAgreement = db.prepare(`UPDATE agreements SET current_level = ?, target_level = ?, note = ?, version = version + 1,
		updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE session_id = ? AND dimension_id = ? AND version = ?`);

	/** Votes sum the dots on an idea; merged ideas' votes were moved onto the idea they went into. */
	const ideasOf = db.prepare<[number], IdeaRow>(`SELECT ${IDEA_COLUMNS}, (SELECT sum(v.dots) FROM votes v WHERE v.idea_id = i.id) AS votes
		FROM ideas i WHERE i.session_id = ? ORDER BY i.seq`);
	const ideaById = db.prepare<[string], IdeaRow & { sessionId: number }>(`SELECT ${IDEA_COLUMNS}, NULL AS votes, i.session_id AS sessionId FROM ideas i WHERE i.id = ?`);
	const insertIdea = db.prepare(`INSERT INTO ideas (id, session_id, seq, text, dimension_id, source)
		VALUES (@id, @sessionId, (SELECT coalesce(max(seq), 0) + 1 FROM ideas WHERE session_id = @sessionId), @text, @dimensionId, @source)`);
	const updateIdea = db.prepare(`UPDATE ideas SET text = @text, dimension_id = @dimensionId, hidden = @hidden, version = version + 1
		WHERE id = @id AND version = @version`);
	const markMerged = db.prepare('UPDATE ideas SET merged_into = ?, version = version + 1 WHERE id = ? AND version = ?');
	const touchIdea = db.prepare('UPDATE ideas SET version = version + 1 WHERE id = ?');
	const moveVotes = db.prepare(`INSERT INTO votes (participant_id, idea_id, dots) SELECT participant_id, @target, dots FROM votes WHERE idea_id = @source
		ON CONFLICT (participant_id, idea_id) DO UPDATE SET dots = min(10, dots + excluded.dots)`);
	const dropVotes = db.prepare('DELETE FROM votes WHERE idea_id = ?');

	const ideasProposed = db.prepare<[string], { n: number }>('SELECT ideas_proposed AS n FROM participants WHERE id = ?');
	const countIdea = db.prepare('UPDATE participants SET ideas_proposed = ideas_proposed + 1 WHERE id = ?');
	const contributors = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM participants WHERE session_id = ? AND ideas_proposed > 0');

	const votesOf = db.prepare<[string], { ideaId: string; dots: number }>('SELECT idea_id AS ideaId, dots FROM votes WHERE participant_id = ? ORDER BY idea_id');
	const clearVotes = db.prepare('DELETE FROM votes WHERE participant_id = ?');
	const insertVote = db.prepare('INSERT INTO votes (participant_id, idea_id, dots) VALUES (?, ?, ?)');
	const voters = db.prepare<[number], { n: number }>(`SELECT count(DISTINCT v.participant_id) AS n FROM votes v JOIN participants p ON p.id = v.participant_id
		WHERE p.session_id = ?`);

	const measuresOf = db.prepare<[number], Measure>(`SELECT ${MEASURE_COLUMNS} FROM measures WHERE session_id = ? ORDER BY seq`);
	const measureById = db.prepare<[string], Measure & { sessionId: number }>(`SELECT ${MEASURE_COLUMNS}, session_id AS sessionId FROM measures WHERE id = ?`);
	const insertMeasure = db.prepare(`INSERT INTO measures (id, session_id, seq, title, dimension_id, kind, start_month, end_month, owner, metric, effort, impact, status, idea_id)
		VALUES (@id, @sessionId, (SELECT coalesce(max(seq), 0) + 1 FROM measures WHERE session_id = @sessionId), @title, @dimensionId, @kind,
			@startMonth, @endMonth, @owner, @metric, @effort, @impact, @status, @ideaId)`);
	const updateMeasure = db.prepare(`UPDATE measures SET title = @title, dimension_id = @dimensionId, kind = @kind, start_month = @startMonth,
		end_month = @endMonth, owner = @owner, metric = @metric, effort = @effort, impact = @impact, status = @status, idea_id = @ideaId,
		version = version + 1 WHERE id = @id AND version = @version`);
	const deleteMeasure = db.prepare('DELETE FROM measures WHERE id = ?');
	/** Verdicts given in one (follow-up) session, per measure of the previous one. */
	const verdicts = db.prepare<[number], { measureId: string; verdict: Verdict; n: number }>(`SELECT v.measure_id AS measureId, v.verdict, count(*) AS n
		FROM review_votes v JOIN participants p ON p.id = v.participant_id WHERE p.session_id = ? GROUP BY v.measure_id, v.verdict`);
	const setVerdict = db.prepare(`INSERT INTO review_votes (participant_id, measure_id, verdict) VALUES (?, ?, ?)
		ON CONFLICT (participant_id, measure_id) DO UPDATE SET verdict = excluded.verdict`);
	const verdictsOf = db.prepare<[string], { measureId: string; verdict: Verdict }>('SELECT measure_id AS measureId, verdict FROM review_votes WHERE participant_id = ?');

	return {
		agreements: (sessionId: number): Agreement[] => agreementsOf.all(sessionId),
		agreement: (sessionId: number, dimensionId: string): Agreement | undefined => agreementOf.get(sessionId, dimensionId),
		/** Creates the agreement (no version given) or updates the version the caller saw; false: someone else changed it first. */
		saveAgreement(sessionId: number, a: { dimensionId: string; current: LevelValue | null; target: LevelValue | null; note: string }, version: number | undefined): boolean {
			if (version === undefined) {
				if (agreementOf.get(sessionId, a.dimensionId)) return false;
				insertAgreement.run(sessionId, a.dimensionId, a.current, a.target, a.note);
				return true;
			}
			return updateAgreement.run(a.current, a.target, a.note, sessionId, a.dimensionId, version).changes === 1;
		},

		/** All ideas in proposal order; `withVotes` false leaves the totals out (null) while voting runs. */
		ideas(sessionId: number, withVotes: boolean): Idea[] {
			return ideasOf.all(sessionId).map((row) => ideaOf({ ...row, votes: withVotes ? (row.votes ?? 0) : null }));
		},
		idea(id: string): (Idea & { sessionId: number }) | undefined {
			const row = ideaById.get(id);
			return row && { ...ideaOf(row), sessionId: row.sessionId };
		},
		addIdea(idea: NewIdea): void {
			insertIdea.run(idea);
		},
		updateIdea(id: string, version: number, next: Pick<Idea, 'text' | 'dimensionId' | 'hidden'>): boolean {
			return updateIdea.run({ id, version, text: next.text, dimensionId: next.dimensionId, hidden: next.hidden ? 1 : 0 }).changes === 1;
		},
		/** Folds `source` into `target`: the dots on it move over (a person's dots on both add up). */
		mergeIdea(sourceId: string, sourceVersion: number, targetId: string): boolean {
			if (markMerged.run(targetId, sourceId, sourceVersion).changes !== 1) return false;
			moveVotes.run({ source: sourceId, target: targetId });
			dropVotes.run(sourceId);
			touchIdea.run(targetId);
			return true;
		},

		ideasProposedBy: (participantId: string): number => ideasProposed.get(participantId)?.n ?? 0,
		countIdeaOf(participantId: string): void {
			countIdea.run(participantId);
		},
		contributors: (sessionId: number): number => contributors.get(sessionId)?.n ?? 0,

		/** A person's dots, one id per dot (an idea with two dots appears twice). */
		votesOf(participantId: string): string[] {
			return votesOf.all(participantId).flatMap((v) => Array.from({ length: v.dots }, () => v.ideaId));
		},
		/** Replaces a person's whole selection. */
		setVotes(participantId: string, dots: ReadonlyMap<string, number>): void {
			clearVotes.run(participantId);
			for (const [ideaId, n] of dots) insertVote.run(participantId, ideaId, n);
		},
		voters: (sessionId: number): number => voters.get(sessionId)?.n ?? 0,

		measures: (sessionId: number): Measure[] => measuresOf.all(sessionId),
		measure: (id: string): (Measure & { sessionId: number }) | undefined => measureById.get(id),
		addMeasure(m: MeasureFields & { id: string; sessionId: number }): void {
			insertMeasure.run(m);
		},
		updateMeasure(id: string, version: number, m: MeasureFields): boolean {
			return updateMeasure.run({ ...m, id, version }).changes === 1;
		},
		deleteMeasure(id: string): void {
			deleteMeasure.run(id);
		},

		/** Per measure, how many people of `sessionId` said it helped, partly, or not. */
		verdicts(sessionId: number): Record<string, VerdictCounts> {
			const out: Record<string, VerdictCounts> = {};
			for (const row of verdicts.all(sessionId)) (out[row.measureId] ??= { yes: 0, partly: 0, no: 0 })[row.verdict] = row.n;
			return out;
		},
		setVerdict(participantId: string, measureId: string, verdict: Verdict): void {
			setVerdict.run(participantId, measureId, verdict);
		},
		/** A person's own verdicts: measure id → verdict. */
		verdictsOf: (participantId: string): Record<string, Verdict> => Object.fromEntries(verdictsOf.all(participantId).map((v) => [v.measureId, v.verdict]))
	};
}
export type OutcomeRepository = ReturnType<typeof createOutcomeRepository>;
