import type { Db } from '../db/database.js';

export type AnswerRow = { participantId: string; questionId: string; optionId: string | null };

/** Answers, one row per person and question. The upsert makes a repeat harmless and lets the last answer win. */
export function createAnswerRepository(db: Db) {
	const upsert = db.prepare(`INSERT INTO answers (participant_id, question_id, option_id)
		VALUES (@participantId, @questionId, @optionId)
		ON CONFLICT (participant_id, question_id)
		DO UPDATE SET option_id = excluded.option_id, answered_at = excluded.answered_at`);
	return {
		upsert(answer: AnswerRow): void {
			upsert.run(answer);
		}
	};
}
export type AnswerRepository = ReturnType<typeof createAnswerRepository>;
