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
	/** People a group needs before its spread and per-question distributions are shown. */
	detailMinSize: number;
	/** Dots each person may place in the vote. */
	votesPerPerson: number;
	votingClosed: boolean;
	/** The roadmap's first month, YYYY-MM. */
	roadmapStart: string;
	/** The signed-in facilitator who created (or claimed) it; null for a workshop run by link only. */
	ownerAccountId: string | null;
	clientId: number | null;
	/** The workshop this one measures again. */
	followUpOf: number | null;
	createdAt: string;
	/** When a client's retention removed the raw answers (the published figures are kept). */
	answersPurgedAt: string | null;
};
export type GroupRow = {
	groupId: string;
	labelDe: string;
	labelEn: string;
	role: GroupRole;
	/** How many people the facilitator expects; null when not said. */
	expected: number | null;
	/** The number of joiners the facilitator accepted for an over-full group. */
	confirmedJoined: number;
};
export type NewGroup = Omit<GroupRow, 'confirmedJoined'>;
export type NewSession = Omit<SessionRow, 'id' | 'status' | 'revealStep' | 'revealDimension' | 'votingClosed' | 'createdAt' | 'answersPurgedAt' | 'ownerAccountId' | 'clientId' | 'followUpOf'> & {
	groups: NewGroup[];
	/** Where the workshop starts: answering, or (a follow-up) the review of the previous roadmap. */
	revealStep?: 'hidden' | 'review';
	ownerAccountId?: string | null;
	clientId?: number | null;
	followUpOf?: number | null;
};
/** A person with their current answers and the answers their group's figures were last computed from. */
export type StoredRespondent = { participantId: string; groupId: string; answers: Record<string, string | null>; published: Record<string, string | null> };
export type ParticipantRow = { id: string; sessionId: number; groupId: string };

const SESSION_COLUMNS = `id, code, title, organisation, questionnaire_id AS questionnaireId,
	questionnaire_version AS questionnaireVersion, language, min_group_size AS minGroupSize, status,
	token_hash AS tokenHash, reveal_step AS revealStep, reveal_dimension AS revealDimension, detail_min_size AS detailMinSize,
	votes_per_person AS votesPerPerson, voting_closed AS votingClosed, roadmap_start AS roadmapStart,
	owner_account_id AS ownerAccountId, client_id AS clientId, follow_up_of AS followUpOf, created_at AS createdAt, answers_purged_at AS answersPurgedAt`;

/** Sessions, their groups and participants. The only code that speaks SQL about them. */
export function createSessionRepository(db: Db) {
	const insertSession = db.prepare(`INSERT INTO sessions (code, title, organisation, questionnaire_id,
		questionnaire_version, language, min_group_size, detail_min_size, votes_per_person, roadmap_start, token_hash,
		owner_account_id, client_id, follow_up_of, reveal_step)
		VALUES (@code, @title, @organisation, @questionnaireId, @questionnaireVersion, @language, @minGroupSize, @detailMinSize,
			@votesPerPerson, @roadmapStart, @tokenHash, @ownerAccountId, @clientId, @followUpOf, @revealStep)`);
	const insertGroup = db.prepare(`INSERT INTO session_groups (session_id, group_id, position, label_de, label_en, role, expected)
		VALUES (?, ?, ?, ?, ?, ?, ?)`);
	// SQLite stores booleans as 0/1: the row says what they mean.
	type StoredRow = Omit<SessionRow, 'votingClosed'> & { votingClosed: 0 | 1 };
	const asRow = (row: StoredRow | undefined): SessionRow | undefined => row && { ...row, votingClosed: row.votingClosed === 1 };
	const byCodeRaw = db.prepare<[string], StoredRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE code = ?`);
	const byIdRaw = db.prepare<[number], StoredRow>(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE id = ?`);
	const groupsOf = db.prepare<[number], GroupRow>(`SELECT group_id AS groupId, label_de AS labelDe, label_en AS labelEn, role,
		expected, confirmed_joined AS confirmedJoined
		FROM session_groups WHERE session_id = ? ORDER BY position`);
	const confirmGroup = db.prepare('UPDATE session_groups SET confirmed_joined = ? WHERE session_id = ? AND group_id = ?');
	/** Takes a group's current answers as its published copy. */
	const publishGroup = db.prepare(`UPDATE answers SET published = 1, published_option_id = option_id
		WHERE participant_id IN (SELECT id FROM participants WHERE session_id = ? AND group_id = ?)
		AND (published = 0 OR published_option_id IS NOT option_id)`);
	const setStatus = db.prepare('UPDATE sessions SET status = ? WHERE id = ?');
	const setReveal = db.prepare('UPDATE sessions SET reveal_step = ?, reveal_dimension = ? WHERE id = ?');
	const setVotingClosed = db.prepare('UPDATE sessions SET voting_closed = ? WHERE id = ?');
	/** The last sign of life of each workshop: created, joined, answered, or its outcome edited. */
	const inactiveSince = db.prepare<[string], { id: number }>(`SELECT s.id FROM sessions s WHERE max(
		s.created_at,
		coalesce((SELECT max(p.joined_at) FROM participants p WHERE p.session_id = s.id), ''),
		coalesce((SELECT max(a.answered_at) FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.session_id = s.id), ''),
		coalesce((SELECT max(g.updated_at) FROM agreements g WHERE g.session_id = s.id), ''),
		coalesce((SELECT max(i.created_at) FROM ideas i WHERE i.session_id = s.id), ''),
		coalesce((SELECT max(m.created_at) FROM measures m WHERE m.session_id = s.id), '')
	) < ?`);
	const deleteSession = db.prepare('DELETE FROM sessions WHERE id = ?');
	const joinedPerGroup = db.prepare<[number], { groupId: string; n: number }>('SELECT group_id AS groupId, count(*) AS n FROM participants WHERE session_id = ? GROUP BY group_id');
	const followUpsOf = db.prepare<[number], { id: number }>('SELECT id FROM sessions WHERE follow_up_of = ? ORDER BY created_at, id');
	const figuresOf = db.prepare<[number], { figures: string | null }>('SELECT figures_json AS figures FROM sessions WHERE id = ?');
	const purge = db.transaction((sessionId: number, figures: string | null, at: string) => {
		db.prepare('UPDATE sessions SET figures_json = ?, answers_purged_at = ? WHERE id = ?').run(figures, at, sessionId);
		db.prepare('DELETE FROM answers WHERE participant_id IN (SELECT id FROM participants WHERE session_id = ?)').run(sessionId);
	});
	/** Workshops of clients with a retention whose raw answers are older than it. */
	const dueForPurge = db.prepare<[string], { id: number }>(`SELECT s.id FROM sessions s JOIN clients c ON c.id = s.client_id
		WHERE c.retention_days IS NOT NULL AND s.answers_purged_at IS NULL
		AND julianday(?) - julianday(s.created_at) > c.retention_days`);
	/** The day a workshop took place, as well as the store knows it: its last answer, else its creation. */
	const workshopDay = db.prepare<[number], { day: string }>(`SELECT substr(coalesce(
		(SELECT max(a.answered_at) FROM answers a JOIN participants p ON p.id = a.participant_id WHERE p.session_id = s.id),
		s.created_at), 1, 10) AS day FROM sessions s WHERE s.id = ?`);
	/** Every answer of a session with its person's group: the input of the live aggregate. */
	const answersOfSession = db.prepare<
		[number],
		{ participantId: string; groupId: string; questionId: string | null; optionId: string | null; published: 0 | 1 | null; publishedOptionId: string | null }
	>(
		`SELECT p.id AS participantId, p.group_id AS groupId, a.question_id AS questionId, a.option_id AS optionId,
			a.published AS published, a.published_option_id AS publishedOptionId
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
		const { lastInsertRowid } = insertSession.run({
			...s,
			organisation: s.organisation ?? null,
			ownerAccountId: s.ownerAccountId ?? null,
			clientId: s.clientId ?? null,
			followUpOf: s.followUpOf ?? null,
			revealStep: s.revealStep ?? 'hidden'
		});
		const id = Number(lastInsertRowid);
		s.groups.forEach((g, i) => insertGroup.run(id, g.groupId, i, g.labelDe, g.labelEn, g.role, g.expected));
		// Read back, so the defaults the database set (creation time) are in the row.
		return asRow(byIdRaw.get(id))!;
	});

	/** Moves the reveal and publishes the given groups in one transaction: both or neither survive a crash. */
	const revealAndPublish = db.transaction((sessionId: number, step: RevealStepName, dimensionId: string | null, groupIds: readonly string[]) => {
		setReveal.run(step, dimensionId, sessionId);
		for (const groupId of groupIds) publishGroup.run(sessionId, groupId);
	});
	const confirmAndPublish = db.transaction((sessionId: number, groupId: string, joined: number, publish: boolean) => {
		confirmGroup.run(joined, sessionId, groupId);
		if (publish) publishGroup.run(sessionId, groupId);
	});

	return {
		create,
		findByCode: (code: string): SessionRow | undefined => asRow(byCodeRaw.get(code)),
		findById: (id: number): SessionRow | undefined => asRow(byIdRaw.get(id)),
		groups: (sessionId: number): GroupRow[] => groupsOf.all(sessionId),
		setStatus(sessionId: number, status: SessionStatus): void {
			setStatus.run(status, sessionId);
		},
		/** Moves the reveal; `publishGroups` take their current answers as their published copy. */
		setReveal(sessionId: number, step: RevealStepName, dimensionId: string | null, publishGroups: readonly string[] = []): void {
			revealAndPublish(sessionId, step, dimensionId, publishGroups);
		},
		/** People who joined each group (also before any figure exists). */
		joinedPerGroup: (sessionId: number): Map<string, number> => new Map(joinedPerGroup.all(sessionId).map((r) => [r.groupId, r.n])),
		/** Workshops that measure this one again. */
		followUpsOf: (sessionId: number): number[] => followUpsOf.all(sessionId).map((r) => r.id),
		/** The figures kept (as JSON) after the raw answers were deleted. */
		keptFigures: (sessionId: number): string | null => figuresOf.get(sessionId)?.figures ?? null,
		/** Deletes the raw answers of a workshop and keeps its published figures. */
		purgeAnswers(sessionId: number, figures: string | null, at: string): void {
			purge(sessionId, figures, at);
		},
		dueForPurge: (now: string): number[] => dueForPurge.all(now).map((r) => r.id),
		/** `YYYY-MM-DD` (UTC) of the workshop's last answer, else of its creation: the date a report carries. */
		workshopDay: (sessionId: number): string | undefined => workshopDay.get(sessionId)?.day,
		/** Workshops with no sign of life since `before` (an ISO timestamp). */
		inactiveSince: (before: string): number[] => inactiveSince.all(before).map((r) => r.id),
		/** Deletes a workshop with everything that belongs to it (the foreign keys cascade). */
		delete(sessionId: number): void {
			deleteSession.run(sessionId);
		},
		setVotingClosed(sessionId: number, closed: boolean): void {
			setVotingClosed.run(closed ? 1 : 0, sessionId);
		},
		/** Accepts `joined` people in the group; with `publish`, its current answers become its published copy. */
		confirmGroup(sessionId: number, groupId: string, joined: number, publish = false): void {
			confirmAndPublish(sessionId, groupId, joined, publish);
		},
		/** The session's people with their current and published answers, grouped per person. */
		respondents(sessionId: number): StoredRespondent[] {
			const people = new Map<string, StoredRespondent>();
			for (const row of answersOfSession.iterate(sessionId)) {
				let person = people.get(row.participantId);
				if (!person) people.set(row.participantId, (person = { participantId: row.participantId, groupId: row.groupId, answers: {}, published: {} }));
				if (row.questionId === null) continue;
				person.answers[row.questionId] = row.optionId;
				if (row.published === 1) person.published[row.questionId] = row.publishedOptionId;
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
