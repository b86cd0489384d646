import type { Questionnaire } from '$lib/core/questionnaire.schema';
import type { Reveal } from '$lib/core/reveal';
import type { AnswerSubmitPayload, ErrorCode, SessionInfo, SessionStatus } from '$lib/protocol';
import { request } from '$lib/socket/request';
import type { Connection } from '$lib/socket/connection.svelte';
import { ParticipantOutcome } from './participant-outcome.svelte';
import { forgetMemory, keepResumeCookie, loadMemory, saveMemory, type ParticipantMemory } from './participant-storage';

export type Phase = 'choose-group' | 'joining' | 'answering' | 'done';
const ACK_TIMEOUT_MS = 8000;
const RETRY_MS = 3000;
/** Refusals that no retry can change: the answer itself does not fit the questionnaire. */
const FINAL_REFUSALS = new Set<ErrorCode>(['UNKNOWN_QUESTION', 'UNKNOWN_OPTION', 'INVALID_PAYLOAD']);

/**
 * One person's part in a workshop. Every answer goes into a queue that is stored on the phone
 * first and sent in order; an answer counts as saved only when the server acked it. On every
 * (re)connect the person re-joins with the resume token and the queue is flushed again; the
 * server stores each (person, question) once, so a resend after a lost ack is harmless.
 */
export class ParticipantSession {
	phase = $state<Phase>('choose-group');
	groupId = $state<string>();
	index = $state(0);
	answers = $state<Record<string, string | null>>({});
	/** Questions whose current answer the server has acknowledged. */
	saved = $state<Record<string, boolean>>({});
	queue = $state<AnswerSubmitPayload[]>([]);
	error = $state<ErrorCode>();
	status = $state<SessionStatus>('open');
	/** The reveal step as of the last join; pushes from the room take over from there. */
	private joinedReveal = $state<Reveal>({ step: 'hidden' });
	private joinedAt = 0;

	private token: string | undefined;
	private joined = false;
	private joining = false;
	private flushing = false;
	private stopped = false;
	private detach: (() => void) | undefined;
	private readonly timers = new Set<ReturnType<typeof setTimeout>>();

	/** This person's ideas and dots. */
	readonly outcome: ParticipantOutcome;

	constructor(
		private readonly connection: Connection,
		readonly info: SessionInfo,
		readonly questionnaire: Questionnaire
	) {
		this.outcome = new ParticipantOutcome(connection, info.code);
	}

	/** Lock and close arrive as pushes; the ack of the last join is the fallback. */
	get currentStatus(): SessionStatus {
		const pushed = this.connection.sessionStatus;
		return pushed?.code === this.info.code ? pushed.status : this.status;
	}

	/** Where the room is: while it is not `hidden`, the results are on screen and answering is closed. */
	get reveal(): Reveal {
		const pushed = this.connection.revealed;
		return pushed?.code === this.info.code && this.connection.revealedAt > this.joinedAt ? pushed.reveal : this.joinedReveal;
	}

	get answeringOpen(): boolean {
		return this.reveal.step === 'hidden' && this.currentStatus !== 'closed';
	}

	/** Answering reopened: send what waited on the phone. */
	resume(): void {
		if (this.error === 'ANSWERING_CLOSED') this.error = undefined;
		void this.flush();
	}

	get question() {
		return this.questionnaire.questions[this.index]!;
	}
	get total() {
		return this.questionnaire.questions.length;
	}

	/**
	 * Restores what the phone remembers and starts listening for (re)connects. Someone who joined
	 * before goes straight back to their screen, working from memory while the join runs behind.
	 */
	start(): void {
		const memory = loadMemory(this.info.code);
		this.token = memory.resumeToken;
		this.groupId = memory.groupId;
		this.index = Math.min(memory.index, this.total - 1);
		this.answers = memory.answers;
		this.queue = memory.queue;
		if (this.token) this.phase = memory.done ? 'done' : 'answering';
		else if (this.groupId) this.phase = 'joining';
		this.detach = this.connection.onConnect(() => void this.join());
	}

	/** Stops everything this session started, so nothing of it reaches another workshop's page. */
	stop(): void {
		this.stopped = true;
		this.detach?.();
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	/**
	 * "Not you? Start over": on a shared phone the next person must not see or change the previous
	 * person's answers. Everything kept on the phone is forgotten, and a new connection makes the
	 * next join a new person (one connection is one person).
	 */
	startOver(): void {
		forgetMemory(this.info.code);
		const hadCookie = this.cookieToken !== undefined;
		this.cookieToken = undefined;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.token = undefined;
		this.groupId = undefined;
		this.joined = false;
		this.index = 0;
		this.answers = {};
		this.saved = {};
		this.queue = [];
		this.error = undefined;
		this.outcome.reset();
		this.phase = 'choose-group';
		// The cookie goes first: the new connection must not bring the previous person back.
		void (hadCookie ? keepResumeCookie(this.info.code, undefined) : Promise.resolve()).then(() => this.connection.socket.disconnect().connect());
	}

	chooseGroup(groupId: string): void {
		this.groupId = groupId;
		this.phase = 'joining';
		this.remember();
		// Not yet connected: the connect hook sends the one join.
		if (this.connection.socket.connected) void this.join();
	}

	answer(questionId: string, optionId: string | null): void {
		this.answers[questionId] = optionId;
		this.saved[questionId] = false;
		// Only the latest answer per question needs sending; order among questions is kept.
		this.queue = [...this.queue.filter((a) => a.questionId !== questionId), { questionId, optionId }];
		this.remember();
		void this.flush();
	}

	go(index: number): void {
		if (index >= this.total) this.phase = 'done';
		else {
			this.index = Math.max(0, index);
			this.phase = 'answering';
		}
		this.remember();
	}

	private later(work: () => void, ms: number) {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			if (!this.stopped) work();
		}, ms);
		this.timers.add(timer);
	}

	private async join(): Promise<void> {
		// One join at a time: two joins without a token would make two participants.
		// After the end only a returning person rejoins (to see the results); nobody new can.
		if (!this.groupId || (this.status === 'closed' && !this.token) || this.joining || this.stopped || !this.connection.socket.connected) return;
		this.joined = false;
		this.joining = true;
		const ack = await request(this.connection.socket, 'session:join', { code: this.info.code, groupId: this.groupId, ...(this.token ? { resumeToken: this.token } : {}) })
			.catch(() => undefined)
			.finally(() => (this.joining = false));
		if (this.stopped) return;
		if (!ack) {
			// No answer while connected: try again shortly rather than wait for a reconnect.
			this.later(() => void this.join(), RETRY_MS);
			return;
		}
		if (!ack.ok) {
			this.error = ack.error.code;
			if (ack.error.code === 'SESSION_CLOSED') this.status = 'closed';
			if (this.phase === 'joining' && !this.token) this.phase = 'choose-group';
			// Waiting helps with a busy server or a rate limit; not with a wrong code or group.
			if (['RATE_LIMITED', 'INTERNAL'].includes(ack.error.code)) this.later(() => void this.join(), RETRY_MS * 3);
			return;
		}
		this.error = undefined;
		this.token = ack.data.resumeToken;
		this.groupId = ack.data.groupId;
		this.status = ack.data.status;
		this.joinedAt = performance.now();
		this.joinedReveal = ack.data.reveal;
		this.outcome.restore(ack.data);
		const pending = new Set(this.queue.map((a) => a.questionId));
		for (const [questionId, optionId] of Object.entries(ack.data.answers)) {
			if (pending.has(questionId)) continue; // the phone's newer answer wins
			this.answers[questionId] = optionId;
			this.saved[questionId] = true;
		}
		if (this.phase === 'joining' || this.phase === 'choose-group') this.phase = 'answering';
		this.joined = true;
		this.remember();
		await this.flush();
	}

	private async flush(): Promise<void> {
		if (this.flushing || !this.joined || this.stopped || !this.answeringOpen) return;
		this.flushing = true;
		let stalled = false;
		try {
			while (this.queue.length && this.connection.socket.connected) {
				const next = this.queue[0]!;
				// The code lets the server refuse an answer meant for another workshop on this socket.
				const ack = await request(this.connection.socket, 'answer:submit', { ...next, code: this.info.code }).catch(() => undefined);
				if (this.stopped) return;
				if (!ack) {
					stalled = true; // no ack: keep it queued and resend
					break;
				}
				if (!ack.ok) {
					this.error = ack.error.code;
					if (ack.error.code === 'SESSION_CLOSED') this.status = 'closed';
					// Keep anything the server might still take later; drop only what it never will.
					// Closed answering waits for `resume`; an ended workshop takes nothing more.
					if (!FINAL_REFUSALS.has(ack.error.code)) {
						stalled = ack.error.code !== 'SESSION_CLOSED' && ack.error.code !== 'ANSWERING_CLOSED';
						break;
					}
				}
				else if (this.error !== 'SESSION_CLOSED') this.error = undefined;
				// Acked, or refused for good: either way it leaves the queue.
				this.queue = this.queue.filter((a) => a !== next);
				if (ack.ok && this.answers[next.questionId] === next.optionId) this.saved[next.questionId] = true;
				this.remember();
			}
		} finally {
			this.flushing = false;
		}
		// A closed session takes nothing more: what is queued stays on the phone, unsent.
		if (!this.queue.length || !this.joined || !this.connection.socket.connected || !this.answeringOpen || this.error === 'ANSWERING_CLOSED') return;
		// A stalled queue retries after a pause; an answer given during this flush goes at once.
		if (stalled) this.later(() => void this.flush(), RETRY_MS);
		else void this.flush();
	}

	/** The token the server was last asked to keep in a cookie (storage refused). */
	private cookieToken: string | undefined;

	private remember(): void {
		const memory: ParticipantMemory = {
			groupId: this.groupId,
			resumeToken: this.token,
			index: this.index,
			queue: $state.snapshot(this.queue),
			answers: $state.snapshot(this.answers),
			done: this.phase === 'done'
		};
		if (!saveMemory(this.info.code, memory) && this.token && this.token !== this.cookieToken) {
			this.cookieToken = this.token;
			void keepResumeCookie(this.info.code, this.token);
		}
	}
}
