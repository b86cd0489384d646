import { randomUUID } from 'node:crypto';
import { answerSubmitPayload, sessionJoinPayload, type SessionJoinResult } from '../../src/lib/protocol.js';
import type { WriteQueue } from '../db/write-queue.js';
import type { AnswerRepository } from '../repositories/answer.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { AnswerCache } from '../sessions/answer-cache.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { createQuestionnaireIndex } from '../sessions/questionnaire-index.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { answerRefusal, joinRefusal } from '../sessions/rules.js';
import { resumeTokenFromCookies } from '../sessions/resume-cookie.js';
import { hashSecret, newSecret } from '../sessions/secrets.js';
import type { SessionService } from '../sessions/session.service.js';
import type { TokenBuckets } from '../sessions/token-bucket.js';
import { clientAddress } from './client-address.js';
import { HandlerError, on, refuse } from './handler.js';
import { resumeCookiesOfConnection, type AppSocket } from './io.js';
import type { Pushes } from './pushes.js';
import { enterAsParticipant } from './rooms.js';
import { assumeRole } from './socket-role.js';

type Deps = {
	service: SessionService;
	outcome: OutcomeService;
	answers: AnswerCache;
	sessions: SessionRepository;
	answerRows: AnswerRepository;
	queue: WriteQueue;
	presence: PresenceTracker;
	pushes: Pushes;
	limiter: FailureLimiter;
	/** New participants per client address and per workshop: fake members cost time. */
	newParticipants: { perAddress: TokenBuckets; perWorkshop: TokenBuckets };
	maxParticipantsPerWorkshop: number;
	questionIndex: ReturnType<typeof createQuestionnaireIndex>;
};

const JOIN_REFUSALS = {
	SESSION_CLOSED: 'This workshop has ended.',
	ALREADY_JOINED: 'This connection already joined as a participant; one connection is one person.',
	SESSION_LOCKED: 'The facilitator has closed this workshop to new participants.',
	UNKNOWN_GROUP: 'This workshop has no such group.',
	SESSION_FULL: 'This workshop has as many participants as it can take.'
};
const ANSWER_REFUSALS = {
	SESSION_CLOSED: 'This workshop has ended; answers are no longer taken.',
	ANSWERING_CLOSED: 'The results are being shown; answers are taken again only if the facilitator reopens answering.'
};

/** `session:join` and `answer:submit`: validate → persist → ack → let the facilitator know. */
export function createParticipantHandlers(deps: Deps) {
	const { service, outcome, answers, sessions, answerRows, queue, presence, pushes, limiter, newParticipants, questionIndex } = deps;
	/**
	 * The participant each connection created: one person per connection. A join repeated on the
	 * same connection for the same group (a retry after a lost ack) gets that same person back.
	 */
	const created = new WeakMap<AppSocket, { sessionId: number; groupId: string; participantId: string; token: string }>();

	return {
		register(socket: AppSocket) {
			const address = clientAddress(socket);

			on(socket, 'session:join', sessionJoinPayload, async ({ code, groupId, resumeToken }): Promise<SessionJoinResult> => {
				const found = service.find(code);
				const mine = created.get(socket);
				// A phone whose browser refuses storage sends no token; the server kept it in a cookie.
				if (found && !resumeToken && !mine) resumeToken = resumeTokenFromCookies(resumeCookiesOfConnection(socket.conn), found.code);
				const retry = found && mine && !resumeToken && mine.sessionId === found.id && mine.groupId === groupId ? mine : undefined;
				if (retry) resumeToken = retry.token;
				// A known resume token brings the person back, even after the facilitator locked
				// joining, and even when others from the same address have been guessing codes.
				const returning = found && resumeToken ? sessions.findParticipantByResume(hashSecret(resumeToken), found.id) : undefined;
				// After many wrong codes from this address every lookup is slowed down, the right code included, but never refused.
				if (!returning && !(await limiter.slowDown(address))) throw new HandlerError('RATE_LIMITED', 'Too many wrong codes. Wait a minute and try again.');
				if (!found) {
					limiter.fail(address);
					throw new HandlerError('SESSION_NOT_FOUND', `There is no workshop with the code ${code}.`);
				}
				const row = found;
				const groups = sessions.groups(row.id);
				refuse(
					joinRefusal({
						status: row.status,
						returning: returning !== undefined,
						connectionHasParticipant: mine !== undefined,
						groupExists: groups.some((g) => g.groupId === groupId),
						full: answers.size(row.id) >= deps.maxParticipantsPerWorkshop
					}),
					JOIN_REFUSALS
				);

				let participant = returning;
				let token = resumeToken ?? '';
				if (!participant) {
					if (!newParticipants.perAddress.take(address) || !newParticipants.perWorkshop.take(row.code))
						throw new HandlerError('RATE_LIMITED', 'Many people joined just now. Wait a moment and try again.');
					token = newSecret();
					const person = { id: randomUUID(), sessionId: row.id, groupId };
					// Claimed before the write, so a second join racing on this connection is refused.
					created.set(socket, { sessionId: row.id, groupId, participantId: person.id, token });
					try {
						await queue.write({
							apply: () => sessions.addParticipant({ ...person, resumeHash: hashSecret(token) }),
							committed: () => answers.joined(row.id, person.id, groupId)
						});
					} catch (error) {
						created.delete(socket);
						throw error;
					}
					participant = person;
				}

				assumeRole(socket, { role: 'participant', sessionId: row.id, code: row.code, participantId: participant.id, groupId: participant.groupId }, presence);
				enterAsParticipant(socket, row.id);
				presence.enter(row.id, participant.id);
				presence.touch(row.id);
				// The phone gets the current reveal at once; later steps arrive as pushes.
				const view = pushes.participantView(row);
				if (view.results) socket.emit('session:reveal', view);
				return {
					participantId: participant.id,
					resumeToken: token,
					groupId: participant.groupId,
					status: row.status,
					reveal: view.reveal,
					answers: sessions.answersOf(participant.id),
					...outcome.mine(participant.id)
				};
			});

			on(socket, 'answer:submit', answerSubmitPayload, async ({ questionId, optionId, code }) => {
				const me = socket.data;
				if (me.role !== 'participant') throw new HandlerError('NOT_JOINED', 'Join a workshop before answering.');
				if (code !== undefined && code !== me.code) throw new HandlerError('NOT_JOINED', `This connection has not joined workshop ${code}.`);
				const row = sessions.findById(me.sessionId);
				if (!row) throw new HandlerError('SESSION_NOT_FOUND', 'This workshop no longer exists.');
				refuse(answerRefusal(row), ANSWER_REFUSALS);
				const index = questionIndex(row.questionnaireId, row.questionnaireVersion);
				// A missing questionnaire is the server's fault, not the answer's: the phone keeps it and retries.
				if (!index) throw new HandlerError('INTERNAL', `Questionnaire ${row.questionnaireId}@${row.questionnaireVersion} is not installed.`);
				const options = index.get(questionId);
				if (!options) throw new HandlerError('UNKNOWN_QUESTION', `The questionnaire has no question "${questionId}".`);
				if (optionId !== null && !options.has(optionId)) throw new HandlerError('UNKNOWN_OPTION', `Question "${questionId}" has no option "${optionId}".`);
				// The ack goes out only after the answer is committed to disk.
				const answer = { participantId: me.participantId, questionId, optionId };
				await queue.write({ apply: () => answerRows.upsert(answer), committed: () => answers.committed(row.id, me.participantId, questionId, optionId) });
				presence.touch(row.id);
				return { questionId, optionId };
			});

			socket.on('disconnect', () => {
				const me = socket.data;
				if (me.role !== 'participant') return;
				presence.leave(me.sessionId, me.participantId);
				presence.touch(me.sessionId);
			});
		}
	};
}
