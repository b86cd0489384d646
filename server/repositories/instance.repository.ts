import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.js';

export type Instance = { instanceId: string; createdAt: string };

/** The installation's identity: created on the first start, read on every later one. */
export function createInstanceRepository(db: Db) {
	const select = db.prepare<[], { instance_id: string; created_at: string }>(
		'SELECT instance_id, created_at FROM instance WHERE id = 1'
	);
	const insert = db.prepare('INSERT OR IGNORE INTO instance (id, instance_id) VALUES (1, ?)');
	return {
		ensure(): Instance {
			insert.run(randomUUID());
			const row = select.get();
			if (!row) throw new Error('instance row missing after insert');
			return { instanceId: row.instance_id, createdAt: row.created_at };
		}
	};
}
export type InstanceRepository = ReturnType<typeof createInstanceRepository>;
