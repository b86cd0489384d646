import { Router } from 'express';
import type { AppServer } from '../socket/io.js';

/**
 * Process figures for the benchmark (`STANDORT_METRICS=1` only): memory and connection counts are
 * nobody else's business, so the route does not exist in a normal start.
 */
export function createMetricsRouter(io: () => AppServer | undefined): Router {
	const router = Router();
	router.get('/metrics', (_req, res) => {
		const memory = process.memoryUsage();
		res.json({ rss: memory.rss, heapUsed: memory.heapUsed, heapTotal: memory.heapTotal, sockets: io()?.engine.clientsCount ?? 0 });
	});
	return router;
}
