import { Router, type RequestHandler } from 'express';
import { clientRetentionBody, shareBody, type TrendMeasurement, type WorkshopSummary } from '../../src/lib/protocol.js';
import type { AccountRepository } from '../repositories/account.repository.js';
import type { SessionRepository, SessionRow } from '../repositories/session.repository.js';
import type { AnswerCache } from '../sessions/answer-cache.js';
import type { OutcomeService } from '../sessions/outcome.service.js';
import type { FailureLimiter } from '../sessions/rate-limiter.js';
import type { ResultsService } from '../sessions/results.service.js';
import type { SessionService } from '../sessions/session.service.js';
import { secretMatches } from '../sessions/secrets.js';
import { accountOf, signedIn } from './account-context.js';
import { sendError } from './errors.js';
import { publicOrigin } from './public-origin.js';
import { accessOf, controlsWorkshop, sessionOf } from './workshop-access.js';

type Deps = {
	service: SessionService;
	sessions: SessionRepository;
	accounts: AccountRepository;
	answers: AnswerCache;
	results: ResultsService;
	outcome: OutcomeService;
	limiter: FailureLimiter;
	publicUrl?: string;
	/** Called after a workshop was deleted, so its sockets and caches let go of it. */
	onDeleted: (sessionId: number) => void;
};

/**
 * The facilitator's workspace: their workshops and clients, sharing with a co-facilitator,
 * duplicating, deleting, claiming a link-only workshop, measuring again (the trend over a chain
 * of follow-ups), and a client's data export. Mounted under `/api`, after the sessions router's
 * lookup of `/sessions/:code` (which sets the session, or answers 404).
 */
export function createWorkspaceRouter(deps: Deps): Router {
	const { service, sessions, accounts, results, outcome } = deps;
	const router = Router();
	const controls = controlsWorkshop(deps);
	const ownerOnly: RequestHandler = (_req, res, next) =>
		accessOf(res) === 'owner' ? next() : sendError(res, 403, 'FORBIDDEN', 'Only the workshop’s owner can do this.');

	function summary(row: SessionRow, role: WorkshopSummary['role']): WorkshopSummary {
		const figures = results.current(row);
		const joined = sessions.joinedPerGroup(row.id);
		const previous = row.followUpOf ? sessions.findById(row.followUpOf) : undefined;
		return {
			code: row.code,
			title: row.title,
			client: row.clientId ? (accounts.client(row.clientId)?.name ?? null) : null,
			createdAt: row.createdAt,
			status: row.status,
			role,
			followUpOf: previous?.code ?? null,
			groups: sessions.groups(row.id).map((g) => {
				const f = figures?.groups[g.groupId];
				return { id: g.groupId, label: { de: g.labelDe, en: g.labelEn }, n: f ? f.n : (joined.get(g.groupId) ?? 0), level: f && !f.suppressed ? (f.overall?.level ?? null) : null };
			})
		};
	}

	/** The published figures of one workshop, as the trend needs them: means only, suppressed groups empty. */
	function measurement(row: SessionRow): TrendMeasurement {
		const figures = results.current(row);
		const groups: TrendMeasurement['groups'] = {};
		for (const g of sessions.groups(row.id)) {
			const f = figures?.groups[g.groupId];
			groups[g.groupId] = !f || f.suppressed
				? { n: f?.n ?? 0, suppressed: true, dimensions: {} }
				: { n: f.n, suppressed: false, dimensions: Object.fromEntries(Object.entries(f.dimensions).map(([d, x]) => [d, { mean: x.mean }])) };
		}
		const agreements = Object.fromEntries(outcome.outcome(row).agreements.map((a) => [a.dimensionId, { current: a.current, target: a.target }]));
		return { code: row.code, createdAt: row.createdAt, title: row.title, groups, agreements };
	}

	/** Every workshop linked to this one by follow-ups, oldest first. */
	function chainOf(row: SessionRow): SessionRow[] {
		let root = row;
		for (let hops = 0; root.followUpOf && hops < 100; hops++) root = sessions.findById(root.followUpOf) ?? root;
		const chain: SessionRow[] = [];
		const visit = (s: SessionRow) => {
			chain.push(s);
			for (const id of sessions.followUpsOf(s.id)) {
				const next = sessions.findById(id);
				if (next && chain.length < 100) visit(next);
			}
		};
		visit(root);
		return chain.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
	}
	const visibleTo = (accountId: string | undefined, token: string | undefined) => (s: SessionRow) =>
		(accountId && (s.ownerAccountId === accountId || accounts.isSharedWith(s.id, accountId))) || (token !== undefined && secretMatches(token, s.tokenHash));

	router.get('/workshops', signedIn, (_req, res) => {
		const account = accountOf(res)!;
		const workshops = accounts.workshopsOf(account.id).flatMap((w) => {
			const row = sessions.findById(w.id);
			return row ? [summary(row, w.role)] : [];
		});
		res.json({ workshops });
	});

	router.get('/clients', signedIn, (_req, res) => {
		res.json({ clients: accounts.clients(accountOf(res)!.id).map(({ id, name, retentionDays }) => ({ id, name, retentionDays })) });
	});

	router.patch('/clients/:id', signedIn, (req, res) => {
		const client = accounts.client(Number(req.params.id));
		if (!client || client.accountId !== accountOf(res)!.id) return sendError(res, 404, 'NOT_FOUND', 'There is no such client of yours.');
		const body = clientRetentionBody.safeParse(req.body ?? {});
		if (!body.success) return sendError(res, 400, 'INVALID_PAYLOAD', `retentionDays: ${body.error.issues[0]?.message ?? 'invalid'}`);
		accounts.setRetention(client.id, body.data.retentionDays);
		res.json({ id: client.id, name: client.name, retentionDays: body.data.retentionDays });
	});

	/** Everything kept about a client: figures, agreements, ideas and roadmap of each workshop; never a person's answers. */
	router.get('/clients/:id/export', signedIn, (req, res) => {
		const account = accountOf(res)!;
		const client = accounts.client(Number(req.params.id));
		if (!client || client.accountId !== account.id) return sendError(res, 404, 'NOT_FOUND', 'There is no such client of yours.');
		const workshops = accounts
			.workshopsOf(account.id)
			.filter((w) => w.clientId === client.id)
			.flatMap((w) => {
				const row = sessions.findById(w.id);
				if (!row) return [];
				const o = outcome.outcome(row);
				return [{ ...summary(row, w.role), figures: results.current(row) ?? null, agreements: o.agreements, ideas: o.ideas.filter((i) => !i.mergedInto && !i.hidden).map(({ text, dimensionId, votes }) => ({ text, dimensionId, votes })), measures: o.measures }];
			});
		res.set('Content-Disposition', `attachment; filename="standort-${client.name.replace(/[^\w-]+/g, '_')}.json"`).json({ client: { name: client.name, retentionDays: client.retentionDays }, exportedAt: new Date().toISOString(), workshops });
	});

	router.get('/sessions/:code/trend', controls, (req, res) => {
		const account = accountOf(res);
		const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
		const chain = chainOf(sessionOf(res)).filter(visibleTo(account?.id, token));
		res.json({ measurements: chain.map(measurement) });
	});

	router.post('/sessions/:code/share', signedIn, controls, ownerOnly, (req, res) => {
		const body = shareBody.safeParse(req.body ?? {});
		if (!body.success) return sendError(res, 400, 'INVALID_PAYLOAD', 'email: not an e-mail address');
		const colleague = accounts.byEmail(body.data.email);
		if (!colleague) return sendError(res, 404, 'NOT_FOUND', 'There is no facilitator account with this e-mail.');
		accounts.share(sessionOf(res).id, colleague.id);
		res.status(204).end();
	});

	router.post('/sessions/:code/duplicate', signedIn, controls, (req, res) => {
		const row = sessionOf(res);
		const account = accountOf(res)!;
		const copy = service.create(
			{ title: row.title, language: row.language, questionnaireId: row.questionnaireId, questionnaireVersion: row.questionnaireVersion, minGroupSize: row.minGroupSize, detailMinSize: row.detailMinSize, votesPerPerson: row.votesPerPerson, confirmSmallGroups: true, ...(row.organisation ? { organisation: row.organisation } : {}), groups: sessions.groups(row.id).map((g) => ({ label: { de: g.labelDe, en: g.labelEn }, role: g.role, ...(g.expected ? { expected: g.expected } : {}) })) },
			publicOrigin(req, deps.publicUrl),
			{ accountId: account.id, clientId: row.clientId }
		);
		res.status(201).json(copy);
	});

	/** A workshop created by link before accounts existed joins the signed-in facilitator's workspace. */
	router.post('/sessions/:code/claim', signedIn, controls, (_req, res) => {
		const row = sessionOf(res);
		if (accessOf(res) === 'owner') return res.status(204).end();
		if (accessOf(res) !== 'token' || !accounts.claim(row.id, accountOf(res)!.id)) return sendError(res, 409, 'CONFLICT', 'This workshop belongs to another account.');
		res.status(204).end();
	});

	/** Deletes the workshop and everything in it: answers, ideas, votes, measures. */
	router.delete('/sessions/:code', controls, (_req, res) => {
		const row = sessionOf(res);
		if (row.ownerAccountId && accessOf(res) !== 'owner') return sendError(res, 403, 'FORBIDDEN', 'Only the workshop’s owner can delete it.');
		sessions.delete(row.id);
		deps.onDeleted(row.id);
		res.status(204).end();
	});

	return router;
}
