import type { SessionRepository } from '../repositories/session.repository.js';

export type Person = { groupId: string; answers: Record<string, string | null> };

/**
 * Each live session's committed answers, kept in memory so that the results pushed several times
 * a second are computed without reading every answer back from SQLite. A session is loaded from
 * the database on first use (so a restarted server starts right), then updated in place after each
 * commit: the cache never holds an answer the disk does not.
 */
export function createAnswerCache(sessions: SessionRepository) {
	const bySession = new Map<number, Map<string, Person>>();

	function load(sessionId: number): Map<string, Person> {
		let people = bySession.get(sessionId);
		if (!people) {
			people = new Map(sessions.respondents(sessionId).map((p) => [p.participantId, { groupId: p.groupId, answers: p.answers }]));
			bySession.set(sessionId, people);
		}
		return people;
	}

	return {
		people: (sessionId: number): Iterable<Person> => load(sessionId).values(),
		entries: (sessionId: number): Iterable<[string, Person]> => load(sessionId).entries(),
		joined(sessionId: number, participantId: string, groupId: string): void {
			const people = load(sessionId);
			if (!people.has(participantId)) people.set(participantId, { groupId, answers: {} });
		},
		committed(sessionId: number, participantId: string, questionId: string, optionId: string | null): void {
			const person = load(sessionId).get(participantId);
			if (person) person.answers[questionId] = optionId;
		}
	};
}
export type AnswerCache = ReturnType<typeof createAnswerCache>;
