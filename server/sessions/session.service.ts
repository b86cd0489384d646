import { z } from 'zod';
import { isUnconfirmed } from '../../src/lib/core/publication.js';
import type { Reveal } from '../../src/lib/core/reveal.js';
import { roadmapStartOf } from '../../src/lib/core/roadmap.js';
import { DEFAULT_DETAIL_MIN_SIZE, DEFAULT_VOTES_PER_PERSON, type GroupInput, type createSessionBody, type CreateSessionResult, type Presence, type SessionInfo } from '../../src/lib/protocol.js';
import type { QuestionnaireCatalog } from '../questionnaires/questionnaire.catalog.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { AnswerCache } from './answer-cache.js';
import { DEFAULT_GROUPS } from '../../src/lib/core/default-groups.js';
import { hashSecret, newJoinCode, newSecret } from './secrets.js';

export class SessionError extends Error {
	constructor(
		readonly code: 'NOT_FOUND' | 'INVALID_PAYLOAD' | 'FORBIDDEN' | 'UNAUTHORIZED',
		message: string
	) {
		super(message);
	}
}

type Deps = { sessions: SessionRepository; answers: AnswerCache; questionnaires: QuestionnaireCatalog };

/** Who creates a workshop, for which client, and which earlier workshop it measures again. */
export type Ownership = { accountId: string; clientId: number | null; followUp?: SessionRow; previousHasRoadmap?: boolean };

/** Creating sessions and describing them; shared by the HTTP routes, the socket handlers and pages. */
export function createSessionService({ sessions, answers, questionnaires }: Deps) {
	function info(row: SessionRow): SessionInfo {
		return {
			code: row.code,
			title: row.title,
			organisation: row.organisation,
			questionnaire: { id: row.questionnaireId, version: row.questionnaireVersion },
			language: row.language,
			groups: sessions.groups(row.id).map((g) => ({ id: g.groupId, label: { de: g.labelDe, en: g.labelEn } })),
			status: row.status,
			minGroupSize: row.minGroupSize,
			detailMinSize: row.detailMinSize
		};
	}

	function questionnaireOf(row: SessionRow) {
		const q = questionnaires.get(row.questionnaireId, row.questionnaireVersion);
		if (!q) throw new Error(`questionnaire ${row.questionnaireId}@${row.questionnaireVersion} of session ${row.code} is not installed`);
		return q;
	}

	function questionCount(row: SessionRow): number {
		return questionnaires.get(row.questionnaireId, row.questionnaireVersion)?.questions.length ?? 0;
	}

	return {
		/**
		 * A new workshop of a signed-in facilitator. A follow-up measurement takes the earlier
		 * workshop's groups, sizes and client, and the newest questionnaire unless one is named.
		 */
		create(body: z.output<typeof createSessionBody>, origin: string, owner: Ownership): CreateSessionResult {
			const previous = owner.followUp;
			const qId = body.questionnaireId ?? previous?.questionnaireId ?? 'service-maturity';
			const q = questionnaires.get(qId, body.questionnaireVersion);
			if (!q) throw new SessionError('INVALID_PAYLOAD', `Unknown questionnaire ${qId}${body.questionnaireVersion ? `@${body.questionnaireVersion}` : ''}.`);
			const groups = previous
				? sessions.groups(previous.id).map(({ groupId, labelDe, labelEn, role, expected }) => ({ groupId, labelDe, labelEn, role, expected }))
				: (body.groups ?? DEFAULT_GROUPS.map((g): GroupInput => ({ ...g }))).map((g, i) => {
						const label = typeof g.label === 'string' ? { de: g.label, en: g.label } : g.label;
						return { groupId: `g${i + 1}`, labelDe: label.de, labelEn: label.en, role: g.role ?? 'other', expected: g.expected ?? null };
					});
			const minGroupSize = body.minGroupSize ?? previous?.minGroupSize ?? 3;
			const token = newSecret();
			for (let attempt = 0; ; attempt++) {
				const code = newJoinCode();
				if (sessions.findByCode(code)) {
					if (attempt > 20) throw new Error('could not find a free join code');
					continue;
				}
				sessions.create({
					code,
					title: body.title,
					organisation: body.organisation || previous?.organisation || null,
					questionnaireId: q.id,
					questionnaireVersion: q.version,
					language: body.language ?? 'de',
					minGroupSize,
					detailMinSize: body.detailMinSize ?? previous?.detailMinSize ?? Math.max(DEFAULT_DETAIL_MIN_SIZE, minGroupSize),
					votesPerPerson: body.votesPerPerson ?? previous?.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
					roadmapStart: roadmapStartOf(new Date()),
					tokenHash: hashSecret(token),
					groups,
					ownerAccountId: owner.accountId,
					clientId: previous ? previous.clientId : owner.clientId,
					followUpOf: previous?.id ?? null,
					// A follow-up starts by looking back at the previous roadmap, if there was one.
					revealStep: previous && owner.previousHasRoadmap ? 'review' : 'hidden'
				});
				return {
					code,
					facilitatorToken: token,
					joinUrl: `${origin}/j/${code}`,
					// The token travels in the fragment, which browsers never send to a server or a referrer.
					facilitatorUrl: `${origin}/workshop/${code}#token=${token}`
				};
			}
		},

		find: (code: string) => sessions.findByCode(code),
		info,
		questionCount,

		/** The participant of this session a resume token belongs to, if any. */
		participantByResume: (row: SessionRow, token: string) => (token.length >= 16 ? sessions.findParticipantByResume(hashSecret(token), row.id) : undefined),



		presence(row: SessionRow, connected: ReadonlySet<string>): Presence {
			const total = questionCount(row);
			const rows = sessions.groups(row.id);
			const groups = new Map(rows.map((g) => [g.groupId, { groupId: g.groupId, joined: 0, connected: 0, answering: 0, finished: 0, expected: g.expected, unconfirmed: false }]));
			for (const [participantId, person] of answers.entries(row.id)) {
				const g = groups.get(person.groupId);
				if (!g) continue;
				const answered = Object.keys(person.answers).length;
				g.joined++;
				if (connected.has(participantId)) g.connected++;
				if (total > 0 && answered >= total) g.finished++;
				else if (answered > 0) g.answering++;
			}
			for (const g of rows) {
				const counts = groups.get(g.groupId)!;
				counts.unconfirmed = isUnconfirmed({ joined: counts.joined, expected: g.expected, confirmedJoined: g.confirmedJoined });
			}
			return { code: row.code, groups: [...groups.values()] };
		},

		reveal(row: SessionRow): Reveal {
			return row.revealDimension && (row.revealStep === 'deep-dive' || row.revealStep === 'agree')
				? { step: row.revealStep, dimensionId: row.revealDimension }
				: { step: row.revealStep };
		},

		questionnaireOf,
	};
}
export type SessionService = ReturnType<typeof createSessionService>;
