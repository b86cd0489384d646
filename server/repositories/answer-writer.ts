import type { Db } from '../db/database.js';

export type AnswerWrite = { participantId: string; questionId: string; optionId: string | null };

/**
 * Writes answers with group commit: every answer that arrives while a commit is pending joins the
 * next transaction, and each caller's promise resolves only after its answer is committed. One
 * fsync then covers a whole burst, so a full room answering at once does not queue on the disk.
 * The upsert makes a repeat harmless and lets the last answer win.
 */
export function createAnswerWriter(db: Db) {
	const upsert = db.prepare(`INSERT INTO answers (participant_id, question_id, option_id)
		VALUES (@participantId, @questionId, @optionId)
		ON CONFLICT (participant_id, question_id)
		DO UPDATE SET option_id = excluded.option_id, answered_at = excluded.answered_at`);
	const writeAll = db.transaction((batch: AnswerWrite[]) => {
		for (const a of batch) upsert.run(a);
	});

	let queue: { write: AnswerWrite; done: () => void; fail: (e: unknown) => void }[] = [];
	let scheduled = false;

	function flush() {
		scheduled = false;
		const batch = queue;
		queue = [];
		try {
			writeAll(batch.map((b) => b.write));
		} catch (error) {
			for (const b of batch) b.fail(error);
			return;
		}
		for (const b of batch) b.done();
	}

	return {
		write(answer: AnswerWrite): Promise<void> {
			return new Promise((done, fail) => {
				queue.push({ write: answer, done, fail });
				if (!scheduled) {
					scheduled = true;
					setImmediate(flush);
				}
			});
		},
		/** Commits whatever is queued now (used at shutdown). */
		flush() {
			if (queue.length) flush();
		}
	};
}
export type AnswerWriter = ReturnType<typeof createAnswerWriter>;
