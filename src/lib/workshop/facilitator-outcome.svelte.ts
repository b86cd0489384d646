import type { MeasureStatus, Outcome } from '$lib/core/outcome';
import type { AgreementSetPayload, ErrorCode, IdeaUpdatePayload, MeasureCreatePayload, MeasureUpdatePayload, ProtocolError } from '$lib/protocol';
import type { Connection } from '$lib/socket/connection.svelte';
import { request, type AckOf, type PayloadOf, type RequestEvent } from '$lib/socket/request';

/**
 * The facilitator's edits of the outcome: agreements, ideas, voting, measures. Each edit is a
 * request whose ack says it is stored; the screens all follow from the `outcome:changed` push.
 * A version conflict is kept in `conflict`, so the screen says that someone else's change won.
 */
export class FacilitatorOutcome {
	/** The last refusal; a CONFLICT carries the state that won. */
	problem = $state<ProtocolError>();

	constructor(
		private readonly connection: Connection,
		private readonly code: string,
		private readonly attached: () => { outcome: Outcome | undefined; at: number }
	) {}

	/** The newer of the attach state and the last push. */
	get current(): Outcome | undefined {
		const pushed = this.connection.outcome;
		const attached = this.attached();
		return pushed?.code === this.code && this.connection.outcomeAt > attached.at ? pushed.outcome : attached.outcome;
	}

	private async send<E extends RequestEvent>(event: E, payload: PayloadOf<E>): Promise<AckOf<E> | undefined> {
		const ack = await request(this.connection.socket, event, payload).catch(() => undefined);
		if (!ack) this.problem = { code: 'INTERNAL', message: 'no answer' };
		else if (!ack.ok) this.problem = ack.error;
		else this.problem = undefined;
		return ack;
	}

	/** True when the request was stored. */
	private async ok<E extends RequestEvent>(event: E, payload: PayloadOf<E>): Promise<boolean> {
		return (await this.send(event, payload))?.ok === true;
	}

	get problemCode(): ErrorCode | undefined {
		return this.problem?.code;
	}

	dismiss(): void {
		this.problem = undefined;
	}

	setAgreement = (payload: AgreementSetPayload) => this.ok('agreement:set', payload);
	createIdea = (text: string, dimensionId: string | null, suggestion = false) => this.ok('idea:create', { text, dimensionId, suggestion });
	updateIdea = (payload: IdeaUpdatePayload) => this.ok('idea:update', payload);
	mergeIdea = (sourceId: string, targetId: string) => this.ok('idea:merge', { sourceId, targetId });
	closeVoting = (closed: boolean) => this.ok('vote:close', { closed });
	createMeasure = (payload: MeasureCreatePayload) => this.ok('measure:create', payload);
	updateMeasure = (payload: MeasureUpdatePayload) => this.ok('measure:update', payload);
	deleteMeasure = (id: string, version: number) => this.ok('measure:delete', { id, version });
	setReviewStatus = (measureId: string, status: MeasureStatus, version: number) => this.ok('review:status', { measureId, status, version });
}
