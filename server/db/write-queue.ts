import type { Db } from './database.js';

/**
 * One write: `apply` runs inside a transaction (repository calls only); `committed` runs right
 * after that transaction commits, in the same tick, so in-memory state never runs ahead of the disk
 * and never lags behind it.
 */
export type Write = { apply: () => void; committed?: () => void };

/**
 * Group commit: every write that arrives while a commit is pending joins the next transaction, and
 * each caller's promise resolves only after its write is committed. One fsync then covers a whole
 * burst, so a full room answering or joining at once does not queue on the disk, and a flood of
 * writes from one client cannot hold the event loop for one fsync each.
 */
export function createWriteQueue(db: Db) {
	type Pending = { write: Write; done: () => void; fail: (e: unknown) => void };
	let queue: Pending[] = [];
	let scheduled = false;
	const applyAll = db.transaction((batch: Pending[]) => {
		for (const p of batch) p.write.apply();
	});
	const applyOne = db.transaction((p: Pending) => p.write.apply());

	function commit(batch: Pending[]) {
		try {
			applyAll(batch);
		} catch {
			// One bad write must not fail the others that shared its transaction: retry each alone.
			for (const p of batch) {
				try {
					applyOne(p);
				} catch (error) {
					p.fail(error);
					continue;
				}
				p.write.committed?.();
				p.done();
			}
			return;
		}
		for (const p of batch) p.write.committed?.();
		for (const p of batch) p.done();
	}

	function flush() {
		scheduled = false;
		const batch = queue;
		queue = [];
		if (batch.length) commit(batch);
	}

	return {
		write(write: Write): Promise<void> {
			return new Promise((done, fail) => {
				queue.push({ write, done, fail });
				if (!scheduled) {
					scheduled = true;
					setImmediate(flush);
				}
			});
		},
		/** Commits whatever is queued now (at shutdown, and before the reveal publishes). */
		flush
	};
}
export type WriteQueue = ReturnType<typeof createWriteQueue>;
