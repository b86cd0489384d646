import type { AuthService } from './accounts/auth.service.js';
import type { QuestionnaireCatalog } from './questionnaires/questionnaire.catalog.js';
import type { FailureLimiter } from './sessions/rate-limiter.js';
import type { SessionService } from './sessions/session.service.js';

/**
 * The one object the SvelteKit server code receives from the Node process. SvelteKit's server
 * bundle has its own copies of modules, so module globals cannot be shared; this object is handed
 * over once, under a registered symbol, and read back in `hooks.server.ts`.
 */
export type AppServices = {
	version: string;
	questionnaires: QuestionnaireCatalog;
	sessions: SessionService;
	/** The origin phones should use for links and QR codes, given the address a page was asked for. */
	publicOrigin: (requestUrl: URL) => string;
	/** The same per-address failure limit as the API and sockets, for page loads by join code. */
	limiter: FailureLimiter;
	/** Who is signed in (from the session cookie), and whether Standort still needs its first account. */
	auth: AuthService;
};

const KEY = Symbol.for('standort.services');

export function provideServices(services: AppServices): void {
	(globalThis as Record<symbol, unknown>)[KEY] = services;
}

export function readServices(): AppServices {
	const services = (globalThis as Record<symbol, unknown>)[KEY] as AppServices | undefined;
	if (!services) throw new Error('Standort services were not provided: start the app with `npm start` or `npm run dev`.');
	return services;
}
