import { z } from 'zod';
import type { Aggregate } from './core/aggregation.js';
import { normaliseJoinCode } from './core/join-code.js';
import {
	LIMITS,
	MEASURE_KINDS,
	MEASURE_STATUSES,
	measureProblem,
	ROADMAP_MONTHS,
	SIZES,
	type Agreement,
	type Idea,
	type Measure,
	type MeasureKind,
	type Outcome,
	type Verdict,
	VERDICTS,
	type VisibleOutcome,
	type Voting
} from './core/outcome.js';
import type { Held } from './core/publication.js';
import { REVEAL_STEPS, type PublishedResults, type Reveal, type VisibleAggregate } from './core/reveal.js';
import { cleanTextSchema } from './core/text.js';

export type { Agreement, Aggregate, Held, Idea, Measure, Outcome, PublishedResults, Reveal, VisibleAggregate, VisibleOutcome, Voting };

/**
 * The one contract between the server, the browser and the tests: Socket.IO event maps, their
 * payload schemas and the shape of every acknowledgement. Event names are `entity:verb`.
 */

export const ERROR_CODES = [
	'INVALID_PAYLOAD',
	'SESSION_NOT_FOUND',
	'SESSION_LOCKED',
	'SESSION_CLOSED',
	/** The workshop has as many participants as this server lets one workshop have. */
	'SESSION_FULL',
	'UNKNOWN_GROUP',
	'UNKNOWN_QUESTION',
	'UNKNOWN_OPTION',
	'NOT_JOINED',
	/** This connection already created a participant: one person per connection. */
	'ALREADY_JOINED',
	/** The reveal has started: answers are no longer taken unless the facilitator reopens answering. */
	'ANSWERING_CLOSED',
	/** Ideas and votes are taken only during their step (and voting only until it ended). */
	'STEP_CLOSED',
	/** More dots than the workshop's budget per person. */
	'VOTE_BUDGET',
	'UNKNOWN_IDEA',
	'UNKNOWN_MEASURE',
	/** Someone changed it first: `current` carries their version. */
	'CONFLICT',
	/** A person may propose at most MAX_IDEAS_PER_PERSON ideas. */
	'IDEA_LIMIT',
	'FORBIDDEN',
	'RATE_LIMITED',
	'INTERNAL'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
/**
 * `field`: the input at fault (INVALID_PAYLOAD); `current`: on CONFLICT, the state that won (null
 * when it was deleted), so the screen shows it instead of silently losing the update.
 */
export type ProtocolError = { code: ErrorCode; message: string; field?: string; current?: Agreement | Idea | Measure | null };

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
export type AckCallback<T> = (response: Ack<T>) => void;

// ---- payloads --------------------------------------------------------------------------------

export const pingPayload = z.strictObject({ sentAt: z.number().finite() });
export type PingPayload = z.infer<typeof pingPayload>;
export type PingResult = { sentAt: number; serverTime: number };

/** Upper-cased, spaces and dashes dropped (`normaliseJoinCode`, the one rule for pages, API and sockets). */
export const joinCode = z.string().transform((s, ctx) => normaliseJoinCode(s) ?? (ctx.addIssue({ code: 'custom', message: 'not a join code' }), z.NEVER));

const id = z.string().min(1).max(80);
const secret = z.string().min(16).max(200);

export type SessionStatus = 'open' | 'locked' | 'closed';
export type { GroupRole } from './core/aggregation.js';
import type { GroupRole } from './core/aggregation.js';
export type LocalizedLabel = { de: string; en: string };

/** What anyone with the join code may know about a session. */
export type SessionInfo = {
	code: string;
	title: string;
	organisation: string | null;
	questionnaire: { id: string; version: string };
	language: 'de' | 'en';
	groups: { id: string; label: LocalizedLabel }[];
	status: SessionStatus;
	minGroupSize: number;
	/** People a group needs before its spread and per-question distributions are shown. */
	detailMinSize: number;
};

/**
 * Counts per group, never names: joined, currently answering, answered every question. `expected`
 * is the facilitator's headcount; `unconfirmed` says more joined than that and nobody confirmed it.
 */
export type GroupPresence = {
	groupId: string;
	joined: number;
	connected: number;
	answering: number;
	finished: number;
	expected: number | null;
	unconfirmed: boolean;
};
export type Presence = { code: string; groups: GroupPresence[] };

export const sessionJoinPayload = z.strictObject({ code: joinCode, groupId: id, resumeToken: secret.optional() });
export type SessionJoinPayload = z.input<typeof sessionJoinPayload>;
export type SessionJoinResult = {
	participantId: string;
	resumeToken: string;
	groupId: string;
	status: SessionStatus;
	reveal: Reveal;
	/** The person's own answers so far: question id → option id, or null for "don't know". */
	answers: Record<string, string | null>;
	/** How many ideas this person proposed, and their own dots (one idea id per dot). */
	ideasProposed: number;
	votes: string[];
	/** Their verdicts at a follow-up's review: measure id → yes | partly | no. */
	verdicts: Record<string, Verdict>;
};

/** `code`, when sent, must be the workshop this socket joined: an answer never lands in another one. */
export const answerSubmitPayload = z.strictObject({ questionId: id, optionId: id.nullable(), code: joinCode.optional() });
export type AnswerSubmitPayload = z.input<typeof answerSubmitPayload>;
export type AnswerSubmitResult = { questionId: string; optionId: string | null };

/** `token`: the facilitator link's key; without it, the signed-in account of the connection (its session cookie) must own or co-facilitate the workshop. */
export const facilitatorAttachPayload = z.strictObject({ code: joinCode, token: secret.optional() });
export type FacilitatorAttachPayload = z.input<typeof facilitatorAttachPayload>;
export type FacilitatorState = {
	session: SessionInfo;
	groups: { id: string; role: GroupRole }[];
	presence: Presence;
	reveal: Reveal;
	/** Absent while answering is open: no figure exists before the reveal. */
	results?: PublishedResults;
	outcome: Outcome;
};

export const revealSetPayload = z
	.strictObject({ step: z.enum(REVEAL_STEPS), dimensionId: id.optional() })
	.refine((r) => (r.step === 'deep-dive' ? r.dimensionId !== undefined : r.step === 'agree' || r.dimensionId === undefined), {
		path: ['dimensionId'],
		message: 'a deep-dive needs a dimensionId; only deep-dive and agree may have one'
	});
export type RevealResult = { code: string; reveal: Reveal };

/**
 * Facilitators get the whole published aggregate (`results` absent once answering reopens);
 * participants only what the reveal has shown so far.
 */
export type FacilitatorResults = { code: string; results?: PublishedResults };
export type ParticipantResults = { code: string; reveal: Reveal; results?: VisibleAggregate; outcome?: VisibleOutcome };

export const sessionLockPayload = z.strictObject({ locked: z.boolean() });
/** The facilitator accepts that more people joined a group than expected. */
export const groupConfirmPayload = z.strictObject({ groupId: id });
export type GroupConfirmResult = { code: string; groupId: string; confirmedJoined: number };
export const emptyPayload = z.strictObject({});
export type StatusResult = { code: string; status: SessionStatus };

// ---- the outcome: agreements, ideas, votes, measures -------------------------------------------

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const version = z.int().min(1);
const month = z.int().min(1).max(ROADMAP_MONTHS);
const size = z.enum(SIZES).nullable();

export const agreementSetPayload = z.strictObject({
	dimensionId: id,
	current: level.nullable(),
	target: level.nullable(),
	note: cleanTextSchema({ max: LIMITS.note, allowEmpty: true }).optional(),
	/** The version this screen saw; omit only to create the first agreement of a dimension. */
	version: version.optional()
});
export type AgreementSetPayload = z.input<typeof agreementSetPayload>;

export const ideaSubmitPayload = z.strictObject({ text: cleanTextSchema({ max: LIMITS.ideaText }), dimensionId: id.optional() });
export type IdeaSubmitPayload = z.input<typeof ideaSubmitPayload>;
/** What a phone learns about its own idea: never who else wrote what. */
export type IdeaSubmitResult = { idea: { id: string; text: string; dimensionId: string | null }; proposed: number };

/** The facilitator adds an idea, e.g. a suggestion from the questionnaire for the agreed level. */
export const ideaCreatePayload = z.strictObject({
	text: cleanTextSchema({ max: LIMITS.ideaText }),
	dimensionId: id.nullable().optional(),
	suggestion: z.boolean().optional()
});
export const ideaUpdatePayload = z.strictObject({
	id,
	version,
	text: cleanTextSchema({ max: LIMITS.ideaText }).optional(),
	dimensionId: id.nullable().optional(),
	hidden: z.boolean().optional()
});
export type IdeaUpdatePayload = z.input<typeof ideaUpdatePayload>;
/** `sourceId` goes into `targetId`: it leaves the wall, its dots count for the target. */
export const ideaMergePayload = z.strictObject({ sourceId: id, targetId: id, version: version.optional() });
export type IdeaResult = { idea: Idea };

export const voteSetPayload = z.strictObject({ ideaIds: z.array(id).max(10) });
export type VoteSetResult = { ideaIds: string[]; remaining: number };
export const voteClosePayload = z.strictObject({ closed: z.boolean() });
export type VoteCloseResult = { code: string; voting: Voting };

const measureFields = {
	title: cleanTextSchema({ max: LIMITS.title }),
	dimensionId: id,
	kind: z.enum(MEASURE_KINDS),
	startMonth: month,
	endMonth: month,
	owner: cleanTextSchema({ max: LIMITS.owner, allowEmpty: true }).optional(),
	metric: cleanTextSchema({ max: LIMITS.metric, allowEmpty: true }).optional(),
	effort: size.optional(),
	impact: size.optional(),
	status: z.enum(MEASURE_STATUSES).optional(),
	ideaId: id.nullable().optional()
};
/** Months in order and a quick win ending by month 3, reported on the field at fault. */
const measureMonths = (m: { kind?: MeasureKind; startMonth?: number; endMonth?: number }, ctx: z.RefinementCtx) => {
	if (m.kind === undefined || m.startMonth === undefined || m.endMonth === undefined) return;
	const problem = measureProblem({ kind: m.kind, startMonth: m.startMonth, endMonth: m.endMonth });
	if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
};
export const measureCreatePayload = z.strictObject(measureFields).superRefine(measureMonths);
export type MeasureCreatePayload = z.input<typeof measureCreatePayload>;
/** Only the fields that change; the months are checked against the stored ones by the server too. */
export const measureUpdatePayload = z
	.strictObject({
		id,
		version,
		title: measureFields.title.optional(),
		dimensionId: measureFields.dimensionId.optional(),
		kind: measureFields.kind.optional(),
		startMonth: measureFields.startMonth.optional(),
		endMonth: measureFields.endMonth.optional(),
		owner: measureFields.owner,
		metric: measureFields.metric,
		effort: measureFields.effort,
		impact: measureFields.impact,
		status: measureFields.status,
		ideaId: measureFields.ideaId
	})
	.superRefine(measureMonths);
export type MeasureUpdatePayload = z.input<typeof measureUpdatePayload>;
export const measureDeletePayload = z.strictObject({ id, version: version.optional() });
export type MeasureResult = { measure: Measure };

/** At a follow-up's review: the facilitator sets a previous measure's status; phones say whether a done one helped. */
export const reviewStatusPayload = z.strictObject({ measureId: id, status: z.enum(MEASURE_STATUSES), version });
export const reviewVotePayload = z.strictObject({ measureId: id, verdict: z.enum(VERDICTS) });
export type ReviewVoteResult = { measureId: string; verdict: Verdict };

/** The outcome as facilitator screens see it: everything, votes only once voting ended. */
export type OutcomeState = { code: string; outcome: Outcome };

// ---- HTTP bodies ----------------------------------------------------------------------------

const label = cleanTextSchema({ max: 60 });
export const groupInput = z.strictObject({
	label: z.union([label, z.strictObject({ de: label, en: label })]),
	role: z.enum(['leadership', 'team', 'other']).optional(),
	/** How many people the facilitator expects; more joiners hold the group's figures until confirmed. */
	expected: z.int().min(1).max(10_000).optional()
});
export type GroupInput = z.input<typeof groupInput>;
/** Spread and per-question distributions need this many people unless lowered with confirmation. */
export const DEFAULT_DETAIL_MIN_SIZE = 5;
export const DEFAULT_VOTES_PER_PERSON = 3;
export const createSessionBody = z
	.strictObject({
		title: cleanTextSchema({ max: 120 }),
		organisation: cleanTextSchema({ max: 120, allowEmpty: true }).optional(),
		questionnaireId: id.optional(),
		questionnaireVersion: z.string().regex(/^\d+\.\d+\.\d+$/).optional(),
		language: z.enum(['de', 'en']).optional(),
		groups: z.array(groupInput).min(2).max(8).optional(),
		minGroupSize: z.int().min(1).max(10).optional(),
		/** People needed for spread and distributions; default max(5, minGroupSize). */
		detailMinSize: z.int().min(1).max(20).optional(),
		/** Dots each person may place in the vote on ideas (default 3). */
		votesPerPerson: z.int().min(1).max(10).optional(),
		/** Required when `minGroupSize` is below 3 or `detailMinSize` below 5: small groups can be recognised. */
		confirmSmallGroups: z.boolean().optional(),
		/** The organisation this workshop is for (a client of the signed-in facilitator, created on first use). */
		client: cleanTextSchema({ max: 120 }).optional(),
		/** The code of an earlier workshop this one measures again (same client, same groups). */
		followUpOf: joinCode.optional()
	})
	.refine((b) => (b.minGroupSize ?? 3) >= 3 || b.confirmSmallGroups === true, {
		path: ['confirmSmallGroups'],
		message: 'a minimum group size below 3 must be confirmed'
	})
	.refine((b) => (b.detailMinSize ?? DEFAULT_DETAIL_MIN_SIZE) >= DEFAULT_DETAIL_MIN_SIZE || b.confirmSmallGroups === true, {
		path: ['confirmSmallGroups'],
		message: `a detail minimum below ${DEFAULT_DETAIL_MIN_SIZE} must be confirmed`
	})
	.refine((b) => b.detailMinSize === undefined || b.detailMinSize >= (b.minGroupSize ?? 3), {
		path: ['detailMinSize'],
		message: 'must not be below minGroupSize'
	})
	.superRefine((b, ctx) => {
		// Two groups the room cannot tell apart, in either language, would split one group's answers.
		const seen = { de: new Set<string>(), en: new Set<string>() };
		(b.groups ?? []).forEach((g, i) => {
			const labels = typeof g.label === 'string' ? { de: g.label, en: g.label } : g.label;
			for (const lang of ['de', 'en'] as const) {
				const key = labels[lang].toLocaleLowerCase(lang);
				if (seen[lang].has(key)) {
					const path = typeof g.label === 'string' ? ['groups', i, 'label'] : ['groups', i, 'label', lang];
					return ctx.addIssue({ code: 'custom', path, message: `duplicate group label "${labels[lang]}"` });
				}
				seen[lang].add(key);
			}
		});
	});
export type CreateSessionBody = z.input<typeof createSessionBody>;

// ---- accounts (HTTP) --------------------------------------------------------------------------

const email = z.string().trim().toLowerCase().pipe(z.email().max(200));
/** Long enough that guessing is hopeless; no composition rules (they make passwords worse, not better). */
const password = z.string().min(10, 'at least 10 characters').max(200);
const personName = cleanTextSchema({ max: 120 });
export const setupBody = z.strictObject({ email, password, name: personName });
export const loginBody = z.strictObject({ email, password: z.string().min(1).max(200) });
export const acceptInviteBody = z.strictObject({ token: secret, email, password, name: personName });
export const resetPasswordBody = z.strictObject({ token: secret, password });
export const resetLinkBody = z.strictObject({ email });
export const shareBody = z.strictObject({ email });
export const clientRetentionBody = z.strictObject({ retentionDays: z.int().min(1).max(3650).nullable() });
export type AccountInfo = { id: string; email: string; name: string; isAdmin: boolean };
/** One workshop in the facilitator's workspace. */
export type WorkshopSummary = {
	code: string;
	title: string;
	client: string | null;
	createdAt: string;
	status: SessionStatus;
	role: 'owner' | 'co-facilitator';
	followUpOf: string | null;
	groups: { id: string; label: LocalizedLabel; n: number; level: number | null }[];
};
export type TrendMeasurement = {
	code: string;
	createdAt: string;
	title: string;
	groups: Record<string, { n: number; suppressed: boolean; dimensions: Record<string, { mean: number }> }>;
	agreements: Record<string, { current: number | null; target: number | null }>;
};
export type CreateSessionResult = { code: string; facilitatorToken: string; joinUrl: string; facilitatorUrl: string };

// ---- event maps ------------------------------------------------------------------------------

export interface ClientToServerEvents {
	'system:ping': (payload: PingPayload, ack: AckCallback<PingResult>) => void;
	'session:join': (payload: SessionJoinPayload, ack: AckCallback<SessionJoinResult>) => void;
	'answer:submit': (payload: AnswerSubmitPayload, ack: AckCallback<AnswerSubmitResult>) => void;
	'facilitator:attach': (payload: FacilitatorAttachPayload, ack: AckCallback<FacilitatorState>) => void;
	'session:lock': (payload: { locked: boolean }, ack: AckCallback<StatusResult>) => void;
	'session:close': (payload: Record<string, never>, ack: AckCallback<StatusResult>) => void;
	'group:confirm': (payload: { groupId: string }, ack: AckCallback<GroupConfirmResult>) => void;
	'reveal:set': (payload: Reveal, ack: AckCallback<RevealResult>) => void;
	'agreement:set': (payload: AgreementSetPayload, ack: AckCallback<{ agreement: Agreement }>) => void;
	'idea:submit': (payload: IdeaSubmitPayload, ack: AckCallback<IdeaSubmitResult>) => void;
	'idea:create': (payload: z.input<typeof ideaCreatePayload>, ack: AckCallback<IdeaResult>) => void;
	'idea:update': (payload: IdeaUpdatePayload, ack: AckCallback<IdeaResult>) => void;
	'idea:merge': (payload: z.input<typeof ideaMergePayload>, ack: AckCallback<IdeaResult>) => void;
	'vote:set': (payload: z.input<typeof voteSetPayload>, ack: AckCallback<VoteSetResult>) => void;
	'vote:close': (payload: z.input<typeof voteClosePayload>, ack: AckCallback<VoteCloseResult>) => void;
	'measure:create': (payload: MeasureCreatePayload, ack: AckCallback<MeasureResult>) => void;
	'measure:update': (payload: MeasureUpdatePayload, ack: AckCallback<MeasureResult>) => void;
	'measure:delete': (payload: z.input<typeof measureDeletePayload>, ack: AckCallback<{ id: string }>) => void;
	'review:status': (payload: z.input<typeof reviewStatusPayload>, ack: AckCallback<MeasureResult>) => void;
	'review:vote': (payload: z.input<typeof reviewVotePayload>, ack: AckCallback<ReviewVoteResult>) => void;
}

export interface ServerToClientEvents {
	/** To facilitators: counts per group, coalesced to a few updates a second. */
	'session:presence': (presence: Presence) => void;
	/** To everyone in the session: it was locked, unlocked or closed. */
	'session:status': (status: StatusResult) => void;
	/** To facilitators: the published aggregate, when the reveal starts or a held group is released. */
	'session:results': (results: FacilitatorResults) => void;
	/** To participants: the reveal step and what it shows (nothing of a suppressed group). */
	'session:reveal': (results: ParticipantResults) => void;
	/** To facilitators: the whole outcome after a change, coalesced to a few updates a second. */
	'outcome:changed': (state: OutcomeState) => void;
}

export interface InterServerEvents {}

/** What the server remembers about one socket: who it is in which session. */
export type SocketData =
	| { role: 'anonymous' }
	| { role: 'participant'; sessionId: number; code: string; participantId: string; groupId: string }
	| { role: 'facilitator'; sessionId: number; code: string };

/** Payloads above this size are refused by Socket.IO before any handler sees them. */
export const MAX_SOCKET_PAYLOAD_BYTES = 16 * 1024;
