import { revealSequence, type PublishedResults, type Reveal } from '$lib/core/reveal';
import type { ErrorCode, FacilitatorState, GroupPresence, SessionStatus } from '$lib/protocol';
import type { Connection } from '$lib/socket/connection.svelte';
import { request } from '$lib/socket/request';
import { FacilitatorOutcome } from './facilitator-outcome.svelte';
import { forgetToken, loadToken, saveToken } from './facilitator-token';


/**
 * The facilitator's hold on a session: the token from the link's fragment (then kept in this
 * browser and removed from the address bar, so it is not shown on the projector), the attach on
 * every (re)connect, and the controls.
 */
export class FacilitatorSession {
	phase = $state<'no-token' | 'attaching' | 'ready'>('attaching');
	state = $state<FacilitatorState>();
	error = $state<ErrorCode>();
	private localReveal = $state<Reveal>({ step: 'hidden' });
	private localAt = 0;
	/** When the last attach answered, to tell whether a results push is newer. */
	private stateAt = 0;
	/** Deep-dive order, fixed when the agenda is shown, so late answers do not reshuffle "next". */
	private deepOrder = $state<string[]>([]);
	private changes = 0;
	private token: string | undefined;
	private detach: (() => void) | undefined;
	private retry: ReturnType<typeof setTimeout> | undefined;

	/** Agreements, ideas, voting and measures, and the facilitator's edits of them. */
	readonly outcome: FacilitatorOutcome;

	constructor(
		private readonly connection: Connection,
		readonly code: string
	) {
		this.outcome = new FacilitatorOutcome(connection, code, () => ({ outcome: this.state?.outcome, at: this.stateAt }));
	}

	get presence(): GroupPresence[] {
		const pushed = this.connection.presence;
		return (pushed?.code === this.code ? pushed : this.state?.presence)?.groups ?? [];
	}

	/** This screen's step, unless another facilitator screen moved the room on since. */
	get reveal(): Reveal {
		const pushed = this.connection.revealed;
		return pushed?.code === this.code && this.connection.revealedAt > this.localAt ? pushed.reveal : this.localReveal;
	}

	private setReveal(reveal: Reveal) {
		this.localReveal = reveal;
		this.localAt = performance.now();
	}

	/** The published figures; undefined while answering is open (none exist then). */
	get results(): PublishedResults | undefined {
		const pushed = this.connection.results;
		return pushed?.code === this.code && this.connection.resultsAt > this.stateAt ? pushed.results : this.state?.results;
	}

	/** People who joined but have not answered every question yet. */
	get unfinished(): number {
		return this.presence.reduce((n, p) => n + p.joined - p.finished, 0);
	}

	/** The reveal steps; deep-dives follow the discussion agenda (biggest gaps first). */
	get sequence(): Reveal[] {
		return revealSequence(this.deepOrder.length ? this.deepOrder : this.agendaOrder(), { review: this.outcome.current?.review !== undefined });
	}

	private agendaOrder(): string[] {
		return this.results?.agenda.map((a) => a.dimensionId) ?? [];
	}

	get position(): number {
		return this.sequence.findIndex((r) => r.step === this.reveal.step && r.dimensionId === this.reveal.dimensionId);
	}

	async step(delta: number): Promise<void> {
		const target = this.sequence[Math.min(Math.max(this.position + delta, 0), this.sequence.length - 1)];
		if (target) await this.show(target);
	}

	async show(reveal: Reveal): Promise<void> {
		if (reveal.step === 'agenda' || !this.deepOrder.length) this.deepOrder = this.agendaOrder();
		const previous = this.reveal;
		const change = ++this.changes;
		this.setReveal(reveal); // move at once; the ack confirms or undoes it
		const ack = await request(this.connection.socket, 'reveal:set', reveal).catch(() => undefined);
		if (ack?.ok) return;
		// Undo only if no later step was chosen meanwhile; otherwise that one stands.
		if (change === this.changes) this.setReveal(previous);
		if (ack && !ack.ok) this.error = ack.error.code;
	}

	get status(): SessionStatus {
		const pushed = this.connection.sessionStatus;
		return pushed?.code === this.code ? pushed.status : (this.state?.session.status ?? 'open');
	}

	get facilitatorUrl(): string {
		return `${location.origin}/workshop/${this.code}#token=${this.token ?? ''}`;
	}

	start(): void {
		const fromLink = new URLSearchParams(location.hash.slice(1)).get('token');
		if (fromLink) {
			saveToken(this.code, fromLink);
			history.replaceState(history.state, '', location.pathname + location.search);
		}
		// Without a key in this browser, a signed-in owner or co-facilitator attaches by their account.
		this.token = fromLink ?? loadToken(this.code);
		this.detach = this.connection.onConnect(() => void this.attach());
	}

	stop(): void {
		this.detach?.();
		clearTimeout(this.retry);
	}

	async lock(locked: boolean): Promise<void> {
		const ack = await request(this.connection.socket, 'session:lock', { locked }).catch(() => undefined);
		if (ack && !ack.ok) this.error = ack.error.code;
	}

	/** Accepts that more people joined the group than expected. */
	async confirmGroup(groupId: string): Promise<void> {
		const ack = await request(this.connection.socket, 'group:confirm', { groupId }).catch(() => undefined);
		if (ack && !ack.ok) this.error = ack.error.code;
	}

	async close(): Promise<void> {
		const ack = await request(this.connection.socket, 'session:close', {}).catch(() => undefined);
		if (ack && !ack.ok) this.error = ack.error.code;
	}

	private async attach(): Promise<void> {
		const ack = await request(this.connection.socket, 'facilitator:attach', { code: this.code, ...(this.token ? { token: this.token } : {}) }).catch(() => undefined);
		if (!ack) {
			// No answer while connected: ask again rather than wait for a reconnect.
			clearTimeout(this.retry);
			this.retry = setTimeout(() => {
				if (this.connection.socket.connected && this.phase !== 'ready') void this.attach();
			}, 3000);
			return;
		}
		if (!ack.ok) {
			this.error = ack.error.code;
			if (ack.error.code === 'FORBIDDEN') {
				forgetToken(this.code);
				this.phase = 'no-token';
			}
			// A busy connection or server: ask again after a pause rather than give up.
			if (ack.error.code === 'RATE_LIMITED' || ack.error.code === 'INTERNAL') {
				clearTimeout(this.retry);
				this.retry = setTimeout(() => void this.attach(), 3000);
			}
			return;
		}
		if (this.token) saveToken(this.code, this.token);
		this.error = undefined;
		this.stateAt = performance.now();
		this.state = ack.data;
		this.setReveal(ack.data.reveal);
		this.phase = 'ready';
	}
}
