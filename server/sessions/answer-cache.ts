import type { Answers } from '../../src/lib/core/answers.js';
import { hasChanged } from '../../src/lib/core/publication.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import { monotonicNow } from './token-bucket.js';

/** One participant: their committed answers, and the copy their group's figures were last computed from. */
export type Person = { groupId: string; answers: Answers; published: Answers };

/** Per group: who joined, whose answers are in the figures, and who changed something since. */
export type GroupTally = { joined: number; shown: number; changed: number };

/**
 * Each live session's people and committed answers, kept in memory so that presence counts and
 * publications do not read every answer back from SQLite. A session is loaded from the database on
 * first use (so a restarted server starts right), then updated in place right after each commit:
 * the cache never holds an answer the disk does not.
 */
export function createAnswerCache(sessions: SessionRepository, now: () => number = monotonicNow) {
	const bySession = new Map<number, Map<string, Person>>();
	/** When each loaded session was last used, so idle ones can be dropped from memory. */
	const lastUsed = new Map<number, number>();

	function load(sessionId: number): Map<string, Person> {
		lastUsed.set(sessionId, now());
		let people = bySession.get(sessionId);
		if (!people) {
			people = new Map(sessions.respondents(sessionId).map((p) => [p.participantId, { groupId: p.groupId, answers: p.answers, published: p.published }]));
			bySession.set(sessionId, people);
		}
		return people;
	}

	return {
		/** Everyone who joined, with their live answers (for counts: joined, answering, finished). */
		entries: (sessionId: number): Iterable<[string, Person]> => load(sessionId).entries(),

		/** How many people joined the session. */
		size: (sessionId: number): number => load(sessionId).size,

		/** The published answers of everyone who has any: what figures are computed from. */
		*published(sessionId: number): Iterable<{ groupId: string; answers: Answers }> {
			for (const person of load(sessionId).values())
				if (Object.keys(person.published).length) yield { groupId: person.groupId, answers: person.published };
		},

		tally(sessionId: number): Map<string, GroupTally> {
			const tallies = new Map<string, GroupTally>();
			for (const person of load(sessionId).values()) {
				let t = tallies.get(person.groupId);
				if (!t) tallies.set(person.groupId, (t = { joined: 0, shown: 0, changed: 0 }));
				t.joined++;
				if (Object.keys(person.published).length) t.shown++;
				if (hasChanged(person.answers, person.published)) t.changed++;
			}
			return tallies;
		},

		/** Call after the same groups were published on disk: their current answers become the published copy. */
		markPublished(sessionId: number, groupIds: Iterable<string>): void {
			const groups = new Set(groupIds);
			// Shared, not copied: `committed` replaces a person's answers object instead of changing it.
			for (const person of load(sessionId).values()) if (groups.has(person.groupId)) person.published = person.answers;
		},

		joined(sessionId: number, participantId: string, groupId: string): void {
			const people = load(sessionId);
			if (!people.has(participantId)) people.set(participantId, { groupId, answers: {}, published: {} });
		},

		committed(sessionId: number, participantId: string, questionId: string, optionId: string | null): void {
			const person = load(sessionId).get(participantId);
			if (!person) return;
			// A new object, so that the published copy it may share stays as it was.
			person.answers = { ...person.answers, [questionId]: optionId };
		},

		/** Drops a session from memory; the next use loads it from the database again. */
		evict(sessionId: number): void {
			bySession.delete(sessionId);
			lastUsed.delete(sessionId);
		},

		/** Sessions in memory that nobody used for `idleMs`. */
		idle(idleMs: number): number[] {
			const before = now() - idleMs;
			return [...lastUsed].filter(([, at]) => at < before).map(([id]) => id);
		}
	};
}
export type AnswerCache = ReturnType<typeof createAnswerCache>;
