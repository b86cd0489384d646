import { z } from 'zod';
import { isUnconfirmed } from '../../src/lib/core/publication.js';
import type { Reveal } from '../../src/lib/core/reveal.js';
import { roadmapStartOf } from '../../src/lib/core/roadmap.js';
import { DEFAULT_DETAIL_MIN_SIZE, DEFAULT_VOTES_PER_PERSON, type GroupInput, type createSessionBody, type CreateSessionResult, type Presence, type SessionInfo } from '../../src/lib/protocol.js';
import type { QuestionnaireCatalog } from '../questionnaires/questionnaire.catalog.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { AnswerCache } from './answer-cache.js';
import { DEFAULT_GROUPS } from '../../src/lib/core/default-groups.js';
import { hashSecret, newJoinCode, newSecret, secretMatches } from './secrets.js';

/** Compares through hashes, so the time taken says nothing about how much of the passcode was right. */
const sameSecret = (given: string, expected: string) => secretMatches(given, hashSecret(expected));

export class SessionError extends Error {
	constructor(
		readonly code: 'NOT_FOUND' | 'INVALID_PAYLOAD' | 'FORBIDDEN' | 'UNAUTHORIZED',
		message: string
	) {
		super(message);
	}
}

type Deps = { sessions: SessionRepository; answers: AnswerCache; questionnaires: QuestionnaireCatalog; organizerKey?: string };

/** Creating sessions and describing them; shared by the HTTP routes, the socket handlers and pages. */
export function createSessionService({ sessions, answers, questionnaires, organizerKey }: Deps) {
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
		organizerKeyRequired: organizerKey !== undefined,

		create(body: z.output<typeof createSessionBody>, origin: string): CreateSessionResult {
			if (organizerKey !== undefined && !sameSecret(body.organizerKey ?? '', organizerKey))
				throw new SessionError('UNAUTHORIZED', 'This Standort instance requires the organiser passcode to create a workshop.');
			const qId = body.questionnaireId ?? 'service-maturity';
			const q = questionnaires.get(qId, body.questionnaireVersion);
			if (!q) throw new SessionError('INVALID_PAYLOAD', `Unknown questionnaire ${qId}${body.questionnaireVersion ? `@${body.questionnaireVersion}` : ''}.`);
			const groups = (body.groups ?? DEFAULT_GROUPS.map((g): GroupInput => ({ ...g }))).map((g, i) => {
				const label = typeof g.label === 'string' ? { de: g.label, en: g.label } : g.label;
				return { groupId: `g${i + 1}`, labelDe: label.de, labelEn: label.en, role: g.role ?? 'other', expected: g.expected ?? null };
			});
			const minGroupSize = body.minGroupSize ?? 3;
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
					organisation: body.organisation || null,
					questionnaireId: q.id,
					questionnaireVersion: q.version,
					language: body.language ?? 'de',
					minGroupSize,
					detailMinSize: body.detailMinSize ?? Math.max(DEFAULT_DETAIL_MIN_SIZE, minGroupSize),
					votesPerPerson: body.votesPerPerson ?? DEFAULT_VOTES_PER_PERSON,
					roadmapStart: roadmapStartOf(new Date()),
					tokenHash: hashSecret(token),
					groups
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

		/** The session the token controls, or an error that does not tell which part was wrong. */
		authorise(code: string, token: string): SessionRow {
			const row = sessions.findByCode(code);
			if (!row || !secretMatches(token, row.tokenHash)) throw new SessionError('FORBIDDEN', 'This link does not control a session.');
			return row;
		},

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
