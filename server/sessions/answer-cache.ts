import type { SessionRepository } from '../repositories/session.repository.js';

export type Person = { groupId: string; answers: Record<string, string | null> };

type SessionState = {
	/** Every committed answer, as on disk. */
	live: Map<string, Person>;
	/** What results have been computed from so far: a copy that moves in steps (see `published`). */
	shown: Map<string, Person>;
	/** People whose live answers differ from what `shown` holds. */
	dirty: Set<string>;
};

/**
 * Each live session's committed answers, kept in memory so that the results pushed several times
 * a second are computed without reading every answer back from SQLite. A session is loaded from
 * the database on first use (so a restarted server starts right), then updated in place after each
 * commit: the cache never holds an answer the disk does not.
 */
/** People with at least one answer, per group. */
function countByGroup(people: Iterable<Person>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const p of people) if (Object.keys(p.answers).length) counts.set(p.groupId, (counts.get(p.groupId) ?? 0) + 1);
	return counts;
}

export function createAnswerCache(sessions: SessionRepository) {
	const bySession = new Map<number, SessionState>();

	function load(sessionId: number): SessionState {
		let state = bySession.get(sessionId);
		if (!state) {
			const people = sessions.respondents(sessionId);
			state = {
				live: new Map(people.map((p) => [p.participantId, { groupId: p.groupId, answers: p.answers }])),
				// Shown and live share each person's answers until that person changes one (copy on write).
				shown: new Map(people.map((p) => [p.participantId, { groupId: p.groupId, answers: p.answers }])),
				dirty: new Set()
			};
			bySession.set(sessionId, state);
		}
		return state;
	}

	return {
		/** Everyone with their live answers (for counts: joined, answering, finished). */
		entries: (sessionId: number): Iterable<[string, Person]> => load(sessionId).live.entries(),

		/**
		 * The answers results may be computed from. Figures that change with every single answer
		 * would let anyone watching work out that one person's answer by comparing two updates, so
		 * a group's changes are taken over only once at least `minGroupSize` of its people have
		 * changed something since the last time. A group still below the minimum in all is taken
		 * over at once: it is never shown, so nothing can be compared. So is a group whose published
		 * people are still below the minimum: it had no figures yet, so its first ones compare with
		 * nothing (without this, a group filling up one person at a time could stay hidden for good).
		 */
		published(sessionId: number, minGroupSize: number): Iterable<Person> {
			const state = load(sessionId);
			if (state.dirty.size === 0) return state.shown.values();
			const groupSize = countByGroup(state.live.values());
			const shownSize = countByGroup(state.shown.values());
			const dirtyByGroup = new Map<string, string[]>();
			for (const id of state.dirty) {
				const groupId = state.live.get(id)?.groupId;
				if (groupId !== undefined) dirtyByGroup.set(groupId, [...(dirtyByGroup.get(groupId) ?? []), id]);
			}
			for (const [groupId, ids] of dirtyByGroup) {
				const hidden = (groupSize.get(groupId) ?? 0) < minGroupSize || (shownSize.get(groupId) ?? 0) < minGroupSize;
				if (ids.length < minGroupSize && !hidden) continue;
				for (const id of ids) {
					const person = state.live.get(id)!;
					state.shown.set(id, { groupId: person.groupId, answers: person.answers });
					state.dirty.delete(id);
				}
			}
			return state.shown.values();
		},

		joined(sessionId: number, participantId: string, groupId: string): void {
			const state = load(sessionId);
			if (!state.live.has(participantId)) state.live.set(participantId, { groupId, answers: {} });
		},

		committed(sessionId: number, participantId: string, questionId: string, optionId: string | null): void {
			const state = load(sessionId);
			const person = state.live.get(participantId);
			if (!person) return;
			// A new object, so that the one `shown` may share stays as it was published.
			person.answers = { ...person.answers, [questionId]: optionId };
			state.dirty.add(participantId);
		}
	};
}
export type AnswerCache = ReturnType<typeof createAnswerCache>;
