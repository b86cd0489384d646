import { Router } from 'express';
import QRCode from 'qrcode';
import { createSessionBody } from '../../src/lib/protocol.js';
import type { SessionRow } from '../repositories/session.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { ResultsService } from '../sessions/results.service.js';
import type { TokenBuckets } from '../sessions/token-bucket.js';
import { resumeCookieName } from '../sessions/resume-cookie.js';
import type { AccountRepository } from '../repositories/account.repository.js';
import { accountOf, signedIn } from './account-context.js';
import { controlsWorkshop } from './workshop-access.js';
import { SessionError, type SessionService } from '../sessions/session.service.js';
import { sendError } from './errors.js';
import { sessionLookup } from './facilitator-guard.js';
import { publicOrigin } from './public-origin.js';

type Located = { session: SessionRow };
type Deps = {
	service: SessionService;
	accounts: AccountRepository;
	results: ResultsService;
	outcome: OutcomeService;
	limiter: FailureLimiter;
	/** Workshops per client address: creating them costs disk, so a script cannot fill it. */
	newWorkshops: TokenBuckets;
	publicUrl?: string;
};

export function createSessionsRouter({ service, accounts, results, outcome, limiter, newWorkshops, publicUrl }: Deps): Router {
	const router = Router();

	/** A new workshop of the signed-in facilitator (for a client of theirs, or as a follow-up of one of theirs). */
	router.post('/sessions', signedIn, (req, res) => {
		const account = accountOf(res)!;
		const parsed = createSessionBody.safeParse(req.body ?? {});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return sendError(res, 400, 'INVALID_PAYLOAD', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
		}
		const ip = req.ip ?? 'unknown';
		if (!newWorkshops.take(ip)) return sendError(res, 429, 'RATE_LIMITED', 'Too many workshops created from this address just now. Wait a minute and try again.');
		const body = parsed.data;
		let followUp: SessionRow | undefined;
		if (body.followUpOf) {
			followUp = service.find(body.followUpOf);
			const mine = followUp && (followUp.ownerAccountId === account.id || accounts.isSharedWith(followUp.id, account.id));
			if (!mine) return sendError(res, 404, 'NOT_FOUND', `There is no workshop of yours with the code ${body.followUpOf}.`);
		}
		const clientId = body.client ? accounts.clientNamed(account.id, body.client).id : null;
		try {
			const previousHasRoadmap = followUp ? outcome.outcome(followUp).measures.length > 0 : false;
			res.status(201).json(service.create(body, publicOrigin(req, publicUrl), { accountId: account.id, clientId, followUp, previousHasRoadmap }));
		} catch (error) {
			if (!(error instanceof SessionError)) throw error;
			sendError(res, 400, error.code, error.message);
		}
	});

	router.use('/sessions/:code', sessionLookup({ service, limiter }));

	/**
	 * Where a phone's browser refuses storage, the server keeps its resume token in an HttpOnly
	 * cookie for this workshop, so a reload is the same person (see `session:join`). DELETE removes it
	 * ("not you? start over").
	 */
	router.post('/sessions/:code/resume', (req, res) => {
		const row = (res.locals as Located).session;
		const token = typeof req.body?.token === 'string' ? req.body.token : '';
		if (!service.participantByResume(row, token)) return sendError(res, 400, 'INVALID_PAYLOAD', 'token: not a participant of this workshop');
		res.cookie(resumeCookieName(row.code), token, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/', maxAge: 30 * 24 * 60 * 60 * 1000 });
		res.status(204).end();
	});
	router.delete('/sessions/:code/resume', (_req, res) => {
		res.clearCookie(resumeCookieName((res.locals as Located).session.code), { path: '/' });
		res.status(204).end();
	});

	router.get('/sessions/:code', (_req, res) => {
		res.json(service.info((res.locals as Located).session));
	});

	/** Routes for whoever controls the workshop (see `workshop-access.ts`); a wrong token counts against the address. */
	const guard = controlsWorkshop({ accounts, limiter });

	/**
	 * The published figures as JSON, for whoever controls the workshop.
	 * While answering is open no figure exists: 409 says so.
	 */
	router.get('/sessions/:code/results', guard, (_req, res) => {
		const row = (res.locals as Located).session;
		const current = results.current(row);
		if (!current) return sendError(res, 409, 'NOT_REVEALED', 'Answering is still open: figures exist only once the facilitator starts the reveal.');
		res.json({ code: row.code, questionnaire: { id: row.questionnaireId, version: row.questionnaireVersion }, ...current });
	});

	/** The workshop's outcome: agreements, ideas (votes once voting ended), the roadmap's measures. */
	router.get('/sessions/:code/outcome', guard, (_req, res) => {
		const row = (res.locals as Located).session;
		const o = outcome.outcome(row);
		res.json({
			code: row.code,
			roadmapStart: o.roadmapStart,
			voting: o.voting,
			agreements: o.agreements.map(({ dimensionId, current, target, note, version }) => ({ dimensionId, current, target, note, version })),
			// Merged ideas live on in the idea they went into (with their votes).
			ideas: o.ideas.filter((i) => !i.mergedInto).map(({ id, text, dimensionId, votes, hidden, source, version }) => ({ id, text, dimensionId, votes, hidden, source, version })),
			measures: o.measures
		});
	});

	router.get('/sessions/:code/qr.svg', async (req, res) => {
		const svg = await QRCode.toString(`${publicOrigin(req, publicUrl)}/j/${(res.locals as Located).session.code}`, {
			type: 'svg',
			margin: 1,
			errorCorrectionLevel: 'M',
			color: { dark: '#102033', light: '#ffffff' }
		});
		res.type('image/svg+xml').set('Cache-Control', 'no-store').send(svg);
	});

	return router;
}
