import { io } from 'socket.io-client';
import type { Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import type { ClientToServerEvents, ServerToClientEvents } from '../../src/lib/protocol.js';
import { request } from '../../src/lib/socket/request.js';
import type { Socket } from 'socket.io-client';

/** A person's view, as the level they would pick in each dimension (null = don't know). */
export type Profile = Record<string, 1 | 2 | 3 | null>;

/** Real participants over real sockets, each answering every question according to a profile. */
export async function seedAnswers(baseURL: string, code: string, q: Questionnaire, people: { groupId: string; profile: Profile }[]) {
	for (const [n, person] of people.entries()) {
		const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(baseURL, { transports: ['websocket'], forceNew: true });
		await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
		const joined = await request(socket, 'session:join', { code, groupId: person.groupId });
		if (!joined.ok) throw new Error(joined.error.message);
		for (const [i, question] of q.questions.entries()) {
			const level = person.profile[question.dimension];
			// Some variety within a person: every fifth answer drifts one level towards the middle.
			const drift = (i + n) % 5 === 0 && level !== null && level !== 2 ? 2 : level;
			const optionId = drift === null || drift === undefined ? null : question.options.find((o) => o.level === drift)!.id;
			const ack = await request(socket, 'answer:submit', { questionId: question.id, optionId });
			if (!ack.ok) throw new Error(ack.error.message);
		}
		socket.close();
	}
}
