import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import type { RequestHandler } from 'express';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { publicOriginOf } from './http/public-origin.js';
import { createMetricsRouter } from './http/metrics.router.js';
import { createSessionsRouter } from './http/sessions.router.js';
import { loadQuestionnaireCatalog } from './questionnaires/questionnaire.catalog.js';
import { createAnswerWriter } from './repositories/answer-writer.js';
import { createInstanceRepository } from './repositories/instance.repository.js';
import { createSessionRepository } from './repositories/session.repository.js';
import { provideServices } from './services.js';
import { createAnswerCache } from './sessions/answer-cache.js';
import { createPresenceTracker } from './sessions/presence.js';
import { createQuestionnaireIndex } from './sessions/questionnaire-index.js';
import { createFailureLimiter } from './sessions/rate-limiter.js';
import { createSessionService } from './sessions/session.service.js';
import type { AppServer } from './socket/io.js';
import { createFacilitatorHandlers } from './socket/facilitator.handlers.js';
import { createParticipantHandlers } from './socket/participant.handlers.js';

export function readVersion(): string {
	const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };
	return pkg.version;
}

/** How often, at most, a facilitator's screen hears about a session's changes. */
const PRESENCE_INTERVAL_MS = 150;

/**
 * Wires the real components together: store, migrations, questionnaires, HTTP and sockets.
 * Shared by production (`index.ts`) and development (`dev.ts`), which differ only in who serves pages.
 */
export function boot(config: Config, pageHandler: RequestHandler, version: string, options: { dev?: boolean } = {}) {
	const db = openDatabase(config.dataDir);
	try {
		migrate(db, config.migrationsDir);
	} catch (error) {
		db.close();
		throw error;
	}
	const questionnaires = loadQuestionnaireCatalog(config.questionnairesDir);
	const instance = createInstanceRepository(db).ensure();
	const sessions = createSessionRepository(db);
	const writer = createAnswerWriter(db);
	const answers = createAnswerCache(sessions);
	const service = createSessionService({ sessions, answers, questionnaires, organizerKey: config.organizerKey });
	const limiter = createFailureLimiter({ maxFailures: config.joinFailuresPerMinute, windowMs: 60_000 });
	provideServices({ version, questionnaires, sessions: service, publicOrigin: (url) => publicOriginOf(url, config.publicUrl), limiter });

	let io: AppServer | undefined;
	const presence = createPresenceTracker({
		intervalMs: PRESENCE_INTERVAL_MS,
		notify(sessionId) {
			const row = sessions.findById(sessionId);
			if (!row || !io) return;
			// Runs from a timer: an error here must not take the process (and every session) down.
			try {
				io.to(`fac:${sessionId}`).emit('session:presence', service.presence(row, presence.connected(sessionId)));
				// One aggregate per burst of answers serves the facilitators and, if revealed, the phones.
				const results = service.results(row);
				io.to(`fac:${sessionId}`).emit('session:results', { code: row.code, results });
				if (row.revealStep !== 'hidden') io.to(`part:${sessionId}`).emit('session:reveal', service.participantView(row, results));
			} catch (error) {
				console.error(`could not update session ${row.code}`, error);
			}
		}
	});

	const httpServer = createServer();
	const app = createApp(httpServer, {
		version,
		questionnaires,
		pageHandler,
		keepForeignUpgrades: options.dev,
		network: config.network,
		routers: [
			createSessionsRouter({ service, limiter, publicUrl: config.publicUrl }),
			...(config.metrics ? [createMetricsRouter(() => io)] : [])
		],
		socketFeatures: (server) => {
			io = server;
			const questionIndex = createQuestionnaireIndex(questionnaires);
			return [
				createParticipantHandlers({ service, answers, sessions, writer, presence, limiter, questionIndex }),
				createFacilitatorHandlers({ io: server, service, sessions, presence, limiter })
			];
		}
	});

	let closing: Promise<void> | undefined;
	/** Bounded by the network's shutdown grace; the answers and the file are closed whatever the clients do. */
	const shutdown = () =>
		(closing ??= (async () => {
			presence.stop();
			try {
				await app.close();
			} finally {
				writer.flush();
				db.close();
			}
		})());

	return { httpServer, app, db, instance, shutdown };
}
