import type { Db } from '../db/database.js';
import type { RevealStepName } from '../../src/lib/core/reveal.js';
import type { GroupRole, SessionStatus } from '../../src/lib/protocol.js';

export type SessionRow = {
	id: number;
	code: string;
	title: string;
	organisation: string | null;
	questionnaireId: string;
	questionnaireVersion: string;
	language: 'de' | 'en';
	minGroupSize: number;
	status: SessionStatus;
	tokenHash: string;
	revealStep: RevealStepName;
	revealDimension: string | null;
};
export type GroupRow = { groupId: string; labelDe: string; labelEn: string; role: GroupRole };
export type NewSession = Omit<SessionRow, 'id' | 'status' | 'revealStep' | 'revealDimension'> & { groups: GroupRow[] };
export type ParticipantRow = { id: string; sessionId: number; groupId: string };

const SESSION_COLUMNS = `id, code, title, organisation, questionnaire_id AS questionnaireId,
	questionnaire_version AS questionnaireVersion, language, min_group_size AS minGroupSize, status,
	token_hash AS tokenHash, reveal_step AS revealStep, reveal_dimension AS revealDimension`;

/** Sessions, their groups and participants. The only code that speaks SQL about them. */
export function createSessionRepository(db: Db) {
	const insertSession = db.prepare(`INSERT INTO sessions (code, title, organisation, questionnaire_id,
		questionnaire_version, language, min_group_size, token_hash)
		VALUES (@code, @title, @organisation, @questionnaireId, @questionnaireVersion, @language, @minGroupSize, @tokenHash)`);
	const insertGroup = db.prepare(`INSERT INTO session_groups (session_id, group_id, position, label_de, label_en, role)
		VALUES (?, ?, ?, ?, ?, ?)`);
	const byCode = db.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE code = ?`);
	const byId = db.prepare<[number], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`);
	const groupsOf = db.prepare<[number], GroupRow>(`SELECT group_id AS groupId, label_de AS labelDe, label_en AS labelEn, role
		FROM session_groups WHERE session_id = ? ORDER BY position`);
	const setStatus = db.prepare('UPDATE sessions SET status = ? WHERE id = ?');
	const setReveal = db.prepare('UPDATE sessions SET reveal_step = ?, reveal_dimension = ? WHERE id = ?');
	/** Every answer of a session with its person's group: the input of the live aggregate. */
	const answersOfSession = db.prepare<[number], { participantId: string; groupId: string; questionId: string | null; optionId: string | null }>(
		`SELECT p.id AS participantId, p.group_id AS groupId, a.question_id AS questionId, a.option_id AS optionId
		FROM participants p LEFT JOIN answers a ON a.participant_id = p.id WHERE p.session_id = ?`
	);
	const insertParticipant = db.prepare('INSERT INTO participants (id, session_id, group_id, resume_hash) VALUES (?, ?, ?, ?)');
	const participantByResume = db.prepare<[string, number], ParticipantRow>(
		'SELECT id, session_id AS sessionId, group_id AS groupId FROM participants WHERE resume_hash = ? AND session_id = ?'
	);
	const answersOf = db.prepare<[string], { questionId: string; optionId: string | null }>(
		'SELECT question_id AS questionId, option_id AS optionId FROM answers WHERE participant_id = ?'
	);

	const create = db.transaction((s: NewSession): SessionRow => {
		const { lastInsertRowid } = insertSession.run({ ...s, organisation: s.organisation ?? null });
		const id = Number(lastInsertRowid);
		s.groups.forEach((g, i) => insertGroup.run(id, g.groupId, i, g.labelDe, g.labelEn, g.role));
		return { ...s, id, status: 'open', revealStep: 'hidden', revealDimension: null };
	});

	return {
		create,
		findByCode: (code: string): SessionRow | undefined => byCode.get(code),
		findById: (id: number): SessionRow | undefined => byId.get(id),
		groups: (sessionId: number): GroupRow[] => groupsOf.all(sessionId),
		setStatus(sessionId: number, status: SessionStatus): void {
			setStatus.run(status, sessionId);
		},
		setReveal(sessionId: number, step: RevealStepName, dimensionId: string | null): void {
			setReveal.run(step, dimensionId, sessionId);
		},
		/** The session's people with their answers, grouped per person. */
		respondents(sessionId: number): { participantId: string; groupId: string; answers: Record<string, string | null> }[] {
			const people = new Map<string, { participantId: string; groupId: string; answers: Record<string, string | null> }>();
			for (const row of answersOfSession.iterate(sessionId)) {
				let person = people.get(row.participantId);
				if (!person) people.set(row.participantId, (person = { participantId: row.participantId, groupId: row.groupId, answers: {} }));
				if (row.questionId !== null) person.answers[row.questionId] = row.optionId;
			}
			return [...people.values()];
		},
		addParticipant(p: ParticipantRow & { resumeHash: string }): void {
			insertParticipant.run(p.id, p.sessionId, p.groupId, p.resumeHash);
		},
		findParticipantByResume: (resumeHash: string, sessionId: number): ParticipantRow | undefined =>
			participantByResume.get(resumeHash, sessionId),
		answersOf(participantId: string): Record<string, string | null> {
			return Object.fromEntries(answersOf.all(participantId).map((a) => [a.questionId, a.optionId]));
		}
	};
}
export type SessionRepository = ReturnType<typeof createSessionRepository>;
