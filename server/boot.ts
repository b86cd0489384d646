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
import { createExportsRouter } from './http/exports.router.js';
import { controlsWorkshop } from './http/workshop-access.js';
import { createExportData } from './exports/export-data.js';
import { loadQuestionnaireCatalog } from './questionnaires/questionnaire.catalog.js';
import { createWriteQueue } from './db/write-queue.js';
import { createAnswerRepository } from './repositories/answer.repository.js';
import { createInstanceRepository } from './repositories/instance.repository.js';
import { createSessionRepository } from './repositories/session.repository.js';
import { provideServices } from './services.js';
import { createAnswerCache } from './sessions/answer-cache.js';
import { createPresenceTracker } from './sessions/presence.js';
import { createQuestionnaireIndex } from './sessions/questionnaire-index.js';
import { createFailureLimiter } from './sessions/rate-limiter.js';
import { createHousekeeping } from './sessions/housekeeping.js';
import { createResultsService } from './sessions/results.service.js';
import { createAuthService } from './accounts/auth.service.js';
import { createAccountRepository } from './repositories/account.repository.js';
import { authenticate, sameOriginOnly } from './http/account-context.js';
import { createAuthRouter } from './http/auth.router.js';
import { createWorkspaceRouter } from './http/workspace.router.js';
import { readCookie, SESSION_COOKIE } from './http/cookies.js';
import { cookiesOfConnection } from './socket/io.js';
import { createOutcomeRepository } from './repositories/outcome.repository.js';
import { createOutcomeService } from './sessions/outcome.service.js';
import { createCoalescer } from './sessions/coalescer.js';
import { createOutcomeHandlers } from './socket/outcome.handlers.js';
import { createSessionService } from './sessions/session.service.js';
import { createTokenBuckets } from './sessions/token-bucket.js';
import { createFacilitatorHandlers } from './socket/facilitator.handlers.js';
import { createParticipantHandlers } from './socket/participant.handlers.js';
import { createPushes, type Pushes } from './socket/pushes.js';
import { createRooms } from './socket/rooms.js';

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
	const answerRows = createAnswerRepository(db);
	const queue = createWriteQueue(db);
	const answers = createAnswerCache(sessions);
	const service = createSessionService({ sessions, answers, questionnaires });
	const results = createResultsService({ sessions, answers, questionnaireOf: service.questionnaireOf });
	const outcome = createOutcomeService({ sessions, outcomes: createOutcomeRepository(db), queue, questionnaireOf: service.questionnaireOf });
	const limiter = createFailureLimiter({ maxFailures: config.joinFailuresPerMinute, windowMs: 60_000 });
	const newParticipants = {
		perAddress: createTokenBuckets({ capacity: config.newParticipantsPerAddress, perMinute: config.newParticipantsPerAddress }),
		perWorkshop: createTokenBuckets({ capacity: config.newParticipantsPerWorkshop, perMinute: config.newParticipantsPerWorkshop })
	};
	const accounts = createAccountRepository(db);
	const auth = createAuthService({
		accounts,
		// Per address: slowed after 10 failures in 15 minutes; per account and address: 5 (one guesser cannot lock others out).
		byAddress: createFailureLimiter({ maxFailures: 10, windowMs: 15 * 60_000 }),
		byAccountAndAddress: createFailureLimiter({ maxFailures: 5, windowMs: 15 * 60_000 })
	});
	provideServices({ version, questionnaires, sessions: service, publicOrigin: (url) => publicOriginOf(url, config.publicUrl), limiter, auth });

	// Pushes need the Socket.IO server, which exists once the app is built below.
	let pushes: Pushes | undefined;
	// Runs from a timer: an error here must not take the process (and every session) down.
	const safely = (what: string, push: (p: Pushes, sessionId: number) => void) => (sessionId: number) => {
		try {
			if (pushes) push(pushes, sessionId);
		} catch (error) {
			console.error(`could not send ${what} of session ${sessionId}`, error);
		}
	};
	const presence = createPresenceTracker({ intervalMs: PRESENCE_INTERVAL_MS, notify: safely('presence', (p, id) => p.presence(id)) });
	const outcomeChanged = createCoalescer({ intervalMs: PRESENCE_INTERVAL_MS, notify: safely('outcome', (p, id) => p.outcome(id)) });
	const phonesChanged = createCoalescer({ intervalMs: PRESENCE_INTERVAL_MS, notify: safely('phone view', (p, id) => p.phones(id)) });

	// Memory and disk stay bounded: idle workshops leave memory, long-inactive ones are deleted.
	const housekeeping = createHousekeeping({ sessions, answers, results, presence }, { idleMs: 30 * 60_000, retentionDays: config.retentionDays });
	const sweep = (what: string, work: () => number) => () => {
		try {
			const n = work();
			if (n && what === 'deleted') console.log(`housekeeping: deleted ${n} workshops inactive for ${config.retentionDays} days`);
		} catch (error) {
			console.error(`housekeeping (${what}) failed`, error);
		}
	};
	sweep('deleted', housekeeping.deleteExpired)();
	sweep('purged', housekeeping.purgeRetainedAnswers)();
	const timers = [
		setInterval(sweep('evicted', housekeeping.evictIdle), 5 * 60_000),
		setInterval(sweep('deleted', housekeeping.deleteExpired), 6 * 60 * 60_000),
		setInterval(sweep('purged', housekeeping.purgeRetainedAnswers), 6 * 60 * 60_000)
	];
	for (const timer of timers) timer.unref();

	const httpServer = createServer();
	const app = createApp(httpServer, {
		version,
		questionnaires,
		pageHandler,
		keepForeignUpgrades: options.dev,
		network: config.network,
		requestBudget: { perSecond: config.requestsPerSocket, burst: config.requestsPerSocket * 2 },
		routers: [
			// Who is signed in, and cookie-authenticated changes only from this site's pages.
			authenticate(auth),
			sameOriginOnly(config.publicUrl),
			createAuthRouter({ auth, accounts, publicUrl: config.publicUrl }),
			createSessionsRouter({
				accounts,
				service,
				results,
				outcome,
				limiter,
				newWorkshops: createTokenBuckets({ capacity: config.newWorkshopsPerAddress, perMinute: config.newWorkshopsPerAddress }),
				publicUrl: config.publicUrl
			}),
			createWorkspaceRouter({
				service,
				sessions,
				accounts,
				answers,
				results,
				outcome,
				limiter,
				publicUrl: config.publicUrl,
				onDeleted: (sessionId) => {
					answers.evict(sessionId);
					results.evict(sessionId);
				}
			}),
			createExportsRouter({
				service,
				limiter,
				controls: controlsWorkshop({ accounts, limiter }),
				exportData: createExportData({ sessions, results, outcome, questionnaireOf: service.questionnaireOf })
			}),
			...(config.metrics ? [createMetricsRouter(() => app.io)] : [])
		],
		socketFeatures: (io) => {
			const live = createPushes({ rooms: createRooms(io), service, results, outcome, presence, sessions });
			pushes = live;
			const questionIndex = createQuestionnaireIndex(questionnaires);
			return [
				createParticipantHandlers({
					service,
					outcome,
					answers,
					sessions,
					answerRows,
					queue,
					presence,
					pushes: live,
					limiter,
					newParticipants,
					maxParticipantsPerWorkshop: config.maxParticipants,
					questionIndex
				}),
				createFacilitatorHandlers({
					service,
					accounts,
					signedInAccount: (socket) => auth.authenticate(readCookie(cookiesOfConnection(socket.conn), SESSION_COOKIE)),
					results,
					outcome,
					sessions,
					queue,
					presence,
					pushes: live,
					limiter
				}),
				createOutcomeHandlers({ outcome, sessions, changed: { facilitators: outcomeChanged.touch, phones: phonesChanged.touch } })
			];
		}
	});

	let closing: Promise<void> | undefined;
	/** Bounded by the network's shutdown grace; the answers and the file are closed whatever the clients do. */
	const shutdown = () =>
		(closing ??= (async () => {
			for (const timer of timers) clearInterval(timer);
			presence.stop();
			outcomeChanged.stop();
			phonesChanged.stop();
			try {
				await app.close();
			} finally {
				queue.flush();
				db.close();
			}
		})());

	return { httpServer, app, db, instance, housekeeping, shutdown };
}
