import { randomUUID } from 'node:crypto';
import { answerSubmitPayload, sessionJoinPayload, type SessionJoinResult } from '../../src/lib/protocol.js';
import type { AnswerWriter } from '../repositories/answer-writer.js';
import type { AnswerCache } from '../sessions/answer-cache.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { PresenceTracker } from '../sessions/presence.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { hashSecret, newSecret } from '../sessions/secrets.js';
import type { SessionService } from '../sessions/session.service.js';
import type { createQuestionnaireIndex } from '../sessions/questionnaire-index.js';
import { handle, HandlerError } from './handler.js';
import { clientAddress } from './client-address.js';
import { assumeRole } from './socket-role.js';
import type { AppSocket } from './io.js';

type Deps = {
	service: SessionService;
	answers: AnswerCache;
	sessions: SessionRepository;
	writer: AnswerWriter;
	presence: PresenceTracker;
	limiter: FailureLimiter;
	questionIndex: ReturnType<typeof createQuestionnaireIndex>;
};

/** `session:join` and `answer:submit`: validate → persist → ack → let the facilitator know. */
export function createParticipantHandlers(deps: Deps) {
	const { service, answers, sessions, writer, presence, limiter, questionIndex } = deps;

	return {
		register(socket: AppSocket) {
			const address = clientAddress(socket);

			socket.on(
				'session:join',
				handle(sessionJoinPayload, ({ code, groupId, resumeToken }): SessionJoinResult => {
					const found = service.find(code);
					// A known resume token brings the person back, even after the facilitator locked
					// joining, and even when others from the same address have been guessing codes.
					let participant = found && resumeToken ? sessions.findParticipantByResume(hashSecret(resumeToken), found.id) : undefined;
					if (!participant && limiter.blocked(address)) throw new HandlerError('RATE_LIMITED', 'Too many wrong codes. Wait a minute and try again.');
					if (!found) {
						limiter.fail(address);
						throw new HandlerError('SESSION_NOT_FOUND', `There is no workshop with the code ${code}.`);
					}
					const row = found;
					if (row.status === 'closed') throw new HandlerError('SESSION_CLOSED', 'This workshop has ended.');
					let token = resumeToken ?? '';
					if (!participant) {
						if (row.status === 'locked') throw new HandlerError('SESSION_LOCKED', 'The facilitator has closed this workshop to new participants.');
						if (!sessions.groups(row.id).some((g) => g.groupId === groupId))
							throw new HandlerError('UNKNOWN_GROUP', `This workshop has no group "${groupId}".`);
						token = newSecret();
						participant = { id: randomUUID(), sessionId: row.id, groupId };
						sessions.addParticipant({ ...participant, resumeHash: hashSecret(token) });
						answers.joined(row.id, participant.id, groupId);
					}

					assumeRole(socket, { role: 'participant', sessionId: row.id, code: row.code, participantId: participant.id, groupId: participant.groupId }, presence);
					void socket.join(`session:${row.id}`);
					presence.enter(row.id, participant.id);
					presence.touch(row.id);
					void socket.join(`part:${row.id}`);
					// The phone gets the current reveal at once; later steps arrive as pushes.
					const view = service.participantView(row);
					if (view.results) socket.emit('session:reveal', view);
					return {
						participantId: participant.id,
						resumeToken: token,
						groupId: participant.groupId,
						status: row.status,
						reveal: view.reveal,
						answers: sessions.answersOf(participant.id)
					};
				})
			);

			socket.on(
				'answer:submit',
				handle(answerSubmitPayload, async ({ questionId, optionId, code }) => {
					const me = socket.data;
					if (me.role !== 'participant') throw new HandlerError('NOT_JOINED', 'Join a workshop before answering.');
					if (code !== undefined && code !== me.code) throw new HandlerError('NOT_JOINED', `This connection has not joined workshop ${code}.`);
					const row = sessions.findById(me.sessionId);
					if (!row) throw new HandlerError('SESSION_NOT_FOUND', 'This workshop no longer exists.');
					if (row.status === 'closed') throw new HandlerError('SESSION_CLOSED', 'This workshop has ended; answers are no longer taken.');
					const index = questionIndex(row.questionnaireId, row.questionnaireVersion);
					// A missing questionnaire is the server's fault, not the answer's: the phone keeps it and retries.
					if (!index) throw new HandlerError('INTERNAL', `Questionnaire ${row.questionnaireId}@${row.questionnaireVersion} is not installed.`);
					const options = index.get(questionId);
					if (!options) throw new HandlerError('UNKNOWN_QUESTION', `The questionnaire has no question "${questionId}".`);
					if (optionId !== null && !options.has(optionId))
						throw new HandlerError('UNKNOWN_OPTION', `Question "${questionId}" has no option "${optionId}".`);
					// The ack goes out only after the answer is committed to disk.
					await writer.write({ participantId: me.participantId, questionId, optionId });
					answers.committed(row.id, me.participantId, questionId, optionId);
					presence.touch(row.id);
					return { questionId, optionId };
				})
			);

			socket.on('disconnect', () => {
				const me = socket.data;
				if (me.role !== 'participant') return;
				presence.leave(me.sessionId, me.participantId);
				presence.touch(me.sessionId);
			});
		}
	};
}
