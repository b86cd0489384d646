import { Router } from 'express';
import QRCode from 'qrcode';
import { createSessionBody, joinCode } from '../../src/lib/protocol.js';
import type { SessionRow } from '../repositories/session.repository.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import { SessionError, type SessionService } from '../sessions/session.service.js';
import { sendError } from './errors.js';
import { publicOrigin } from './public-origin.js';

type Located = { session: SessionRow };
type Deps = { service: SessionService; limiter: FailureLimiter; publicUrl?: string };

export function createSessionsRouter({ service, limiter, publicUrl }: Deps): Router {
	const router = Router();

	router.post('/sessions', (req, res) => {
		const parsed = createSessionBody.safeParse(req.body ?? {});
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			return sendError(res, 400, 'INVALID_PAYLOAD', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
		}
		try {
			res.status(201).json(service.create(parsed.data, publicOrigin(req, publicUrl)));
		} catch (error) {
			if (!(error instanceof SessionError)) throw error;
			sendError(res, error.code === 'UNAUTHORIZED' ? 401 : 400, error.code, error.message);
		}
	});

	/** Looks a code up; unknown codes count against the client's address like wrong joins do. */
	router.use('/sessions/:code', (req, res, next) => {
		const ip = req.ip ?? 'unknown';
		if (limiter.blocked(ip)) return sendError(res, 429, 'RATE_LIMITED', 'Too many wrong codes. Wait a minute and try again.');
		const code = joinCode.safeParse(req.params.code);
		const row = code.success ? service.find(code.data) : undefined;
		if (!row) {
			limiter.fail(ip);
			return sendError(res, 404, 'NOT_FOUND', `There is no workshop with the code ${req.params.code}.`);
		}
		(res.locals as Located).session = row;
		next();
	});

	router.get('/sessions/:code', (_req, res) => {
		res.json(service.info((res.locals as Located).session));
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
