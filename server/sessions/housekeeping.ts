import type { SessionRepository } from '../repositories/session.repository.js';
import type { AnswerCache } from './answer-cache.js';
import type { PresenceTracker } from './presence.js';
import type { ResultsService } from './results.service.js';

type Deps = { sessions: SessionRepository; answers: AnswerCache; results: ResultsService; presence: PresenceTracker };

/**
 * Keeps memory and disk bounded. Memory: a workshop nobody is connected to and nobody touched for
 * `idleMs` leaves the caches (it is loaded again from the database on its next use). Disk: a
 * workshop with no sign of life for `retentionDays` is deleted with everything in it (0 keeps all).
 */
export function createHousekeeping({ sessions, answers, results, presence }: Deps, options: { idleMs: number; retentionDays: number; now?: () => Date }) {
	const now = options.now ?? (() => new Date());
	const forget = (sessionId: number) => {
		answers.evict(sessionId);
		results.evict(sessionId);
	};
	return {
		/** Drops idle workshops from memory; returns how many. */
		evictIdle(): number {
			const idle = answers.idle(options.idleMs).filter((id) => presence.connected(id).size === 0);
			idle.forEach(forget);
			return idle.length;
		},
		/**
		 * A client's retention: raw answers of its workshops older than the client's setting are
		 * deleted; the published figures are kept (as they were shown), so trends and reports stay.
		 */
		purgeRetainedAnswers(): number {
			const due = sessions.dueForPurge(now().toISOString());
			for (const id of due) {
				const row = sessions.findById(id);
				if (!row) continue;
				const figures = results.current(row);
				sessions.purgeAnswers(id, figures ? JSON.stringify(figures) : null, now().toISOString());
				forget(id);
			}
			return due.length;
		},

		/** Deletes workshops past the retention; returns how many. */
		deleteExpired(): number {
			if (options.retentionDays <= 0) return 0;
			const before = new Date(now().getTime() - options.retentionDays * 24 * 60 * 60 * 1000).toISOString();
			const expired = sessions.inactiveSince(before);
			for (const id of expired) {
				sessions.delete(id);
				forget(id);
			}
			return expired.length;
		}
	};
}
