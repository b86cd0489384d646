import type { Db } from './database.js';

/**
 * One write: `apply` runs inside a transaction (repository calls only) and may return a result,
 * e.g. whether a versioned update applied; `committed` runs right after that transaction commits,
 * in the same tick, so in-memory state never runs ahead of the disk and never lags behind it.
 */
export type Write<T> = { apply: () => T; committed?: (result: T) => void };

/**
 * Group commit: every write that arrives while a commit is pending joins the next transaction, and
 * each caller's promise resolves only after its write is committed. One fsync then covers a whole
 * burst, so a full room answering or joining at once does not queue on the disk, and a flood of
 * writes from one client cannot hold the event loop for one fsync each.
 */
export function createWriteQueue(db: Db) {
	type Pending = { write: Write<unknown>; result?: unknown; done: (result: unknown) => void; fail: (e: unknown) => void };
	let queue: Pending[] = [];
	let scheduled = false;
	const applyAll = db.transaction((batch: Pending[]) => {
		for (const p of batch) p.result = p.write.apply();
	});
	const applyOne = db.transaction((p: Pending) => {
		p.result = p.write.apply();
	});
	const finish = (p: Pending) => {
		p.write.committed?.(p.result);
		p.done(p.result);
	};

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
				finish(p);
			}
			return;
		}
		for (const p of batch) finish(p);
	}

	function flush() {
		scheduled = false;
		const batch = queue;
		queue = [];
		if (batch.length) commit(batch);
	}

	return {
		write<T>(write: Write<T>): Promise<T> {
			return new Promise<T>((done, fail) => {
				queue.push({ write: write as Write<unknown>, done: done as (result: unknown) => void, fail });
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
