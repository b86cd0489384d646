import { Router } from 'express';
import type { AppServer } from '../socket/io.js';

/**
 * Process figures for the benchmark (`STANDORT_METRICS=1` only): memory and connection counts are
 * nobody else's business, so the route does not exist in a normal start.
 */
export function createMetricsRouter(io: () => AppServer | undefined): Router {
	const router = Router();
	router.get('/metrics', (req, res) => {
		// `?gc=1` collects garbage first (when node runs with --expose-gc), so two readings compare live memory.
		const gc = (globalThis as { gc?: () => void }).gc;
		if (req.query.gc === '1' && gc) gc();
		const memory = process.memoryUsage();
		res.json({
			rss: memory.rss,
			heapUsed: memory.heapUsed,
			heapTotal: memory.heapTotal,
			external: memory.external,
			arrayBuffers: memory.arrayBuffers,
			sockets: io()?.engine.clientsCount ?? 0
		});
	});
	return router;
}
