import { MAX_IDEAS_PER_PERSON, type Verdict } from '$lib/core/outcome';
import type { ErrorCode } from '$lib/protocol';
import type { Connection } from '$lib/socket/connection.svelte';
import { request } from '$lib/socket/request';

type MyIdea = { id: string; text: string; dimensionId: string | null };
const key = (code: string) => `standort:ideas:${code}`;

/**
 * A phone's part in the outcome: the ideas it proposed (kept on the phone, since the server never
 * links an idea to its author) and its dots. The server's count and dots arrive with every join.
 */
export class ParticipantOutcome {
	proposed = $state(0);
	mine = $state<MyIdea[]>([]);
	/** The phone's dots: one idea id per dot. */
	votes = $state<string[]>([]);
	/** Verdicts at a follow-up's review: measure id → yes | partly | no. */
	verdicts = $state<Record<string, Verdict>>({});
	/** Dots the server has stored (the selection matches `votes`). */
	votesSaved = $state(true);
	error = $state<ErrorCode>();
	busy = $state(false);
	/** Counts selections sent, so only the latest one's ack is taken. */
	private sent = 0;

	constructor(
		private readonly connection: Connection,
		private readonly code: string
	) {
		try {
			const raw = JSON.parse(localStorage.getItem(key(code)) ?? '[]') as unknown;
			if (Array.isArray(raw)) this.mine = raw.filter((i): i is MyIdea => typeof i?.id === 'string' && typeof i?.text === 'string');
		} catch {
			/* blocked or corrupted storage: the server's count still holds */
		}
	}

	/** A new person on this phone: nothing of the previous one's ideas or dots. */
	reset(): void {
		this.proposed = 0;
		this.mine = [];
		this.votes = [];
		this.verdicts = {};
		this.votesSaved = true;
		this.error = undefined;
	}

	get canPropose(): boolean {
		return this.proposed < MAX_IDEAS_PER_PERSON;
	}

	/** The server's view after a (re)join: how many ideas this person proposed, and their dots. */
	restore(state: { ideasProposed: number; votes: string[]; verdicts: Record<string, Verdict> }): void {
		this.proposed = state.ideasProposed;
		this.verdicts = state.verdicts;
		if (this.votesSaved) this.votes = state.votes;
		else void this.vote(this.votes); // a change made offline goes out now
	}

	/** Sends an idea; true once it is stored. The text stays in the field until then. */
	async propose(text: string, dimensionId: string | undefined): Promise<boolean> {
		this.busy = true;
		const ack = await request(this.connection.socket, 'idea:submit', { text, ...(dimensionId ? { dimensionId } : {}) })
			.catch(() => undefined)
			.finally(() => (this.busy = false));
		if (!ack || !ack.ok) {
			this.error = ack && !ack.ok ? ack.error.code : 'INTERNAL';
			return false;
		}
		this.error = undefined;
		this.proposed = ack.data.proposed;
		this.mine = [...this.mine, ack.data.idea];
		try {
			localStorage.setItem(key(this.code), JSON.stringify(this.mine));
		} catch {
			/* storage full or blocked */
		}
		return true;
	}

	/** A verdict on a finished measure of the previous roadmap; shown at once, undone if refused. */
	async judge(measureId: string, verdict: Verdict): Promise<void> {
		const before = this.verdicts[measureId];
		this.verdicts = { ...this.verdicts, [measureId]: verdict };
		const ack = await request(this.connection.socket, 'review:vote', { measureId, verdict }).catch(() => undefined);
		if (ack?.ok) this.error = undefined;
		else {
			this.verdicts = { ...this.verdicts, [measureId]: before! };
			if (before === undefined) delete this.verdicts[measureId];
			this.error = ack && !ack.ok ? ack.error.code : 'INTERNAL';
		}
	}

	/** Sets the phone's whole selection of dots; shown at once, stored when the ack comes. */
	async vote(ideaIds: string[]): Promise<void> {
		this.votes = ideaIds;
		this.votesSaved = false;
		const mine = ++this.sent;
		const ack = await request(this.connection.socket, 'vote:set', { ideaIds }).catch(() => undefined);
		// A later selection may have been sent meanwhile: only the latest one's ack counts.
		if (mine !== this.sent) return;
		if (!ack) return; // kept; sent again on the next join
		if (!ack.ok) {
			this.error = ack.error.code;
			return;
		}
		this.error = undefined;
		this.votes = ack.data.ideaIds;
		this.votesSaved = true;
	}
}
