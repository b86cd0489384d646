import express, { Router, type RequestHandler } from 'express';
import type { QuestionnaireCatalog } from '../questionnaires/questionnaire.catalog.js';
import { apiErrorHandler, apiNotFound, sendError } from './errors.js';
import { apiContentSecurityPolicy } from './security.js';

export type ApiDeps = {
	version: string;
	questionnaires: QuestionnaireCatalog;
	/** Routers and middleware added by later features (accounts, sessions, results), mounted under /api in order. */
	routers?: (Router | RequestHandler)[];
};

export function createApiRouter(deps: ApiDeps): Router {
	const api = Router();
	api.use(apiContentSecurityPolicy);
	api.use(express.json({ limit: '32kb' }));

	api.get('/health', (_req, res) => {
		res.json({ status: 'ok', version: deps.version });
	});

	api.get('/questionnaires', (_req, res) => {
		res.json({ questionnaires: deps.questionnaires.list() });
	});

	api.get('/questionnaires/:id', (req, res) => {
		const version = typeof req.query.version === 'string' ? req.query.version : undefined;
		const q = deps.questionnaires.get(req.params.id, version);
		if (!q)
			return sendError(
				res,
				404,
				'NOT_FOUND',
				`No questionnaire "${req.params.id}"${version ? ` in version ${version}` : ''}.`
			);
		res.json(q);
	});

	for (const router of deps.routers ?? []) api.use(router);
	api.use(apiNotFound);
	api.use(apiErrorHandler);
	return api;
}
