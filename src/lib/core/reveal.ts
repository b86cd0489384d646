import type { Aggregate } from './aggregation.js';
import type { Held } from './publication.js';
import type { Questionnaire } from './questionnaire.schema.js';

/** The figures of a revealed workshop: the aggregate of the published answers, and what is held back. */
export type PublishedResults = Aggregate & {
	/** Per group: people whose newer answers are not in its figures yet, and why. */
	held: Record<string, Held>;
};

/** The steps a facilitator walks the room through, in order. */
export const REVEAL_STEPS = ['hidden', 'overall', 'groups', 'gaps', 'agenda', 'deep-dive'] as const;
export type RevealStepName = (typeof REVEAL_STEPS)[number];
export type Reveal = { step: RevealStepName; dimensionId?: string };

/** What participants may see: the parts of the aggregate revealed so far, nothing more. */
export type VisibleAggregate = {
	minGroupSize: number;
	detailMinSize: number;
	held: Record<string, Held>;
	groups: Record<string, { suppressed: boolean; n: number; needed?: number; overall?: Aggregate['everyone']['overall']; dimensions?: Aggregate['everyone']['dimensions'] }>;
	everyone: { n: number; overall?: Aggregate['everyone']['overall']; dimensions?: Aggregate['everyone']['dimensions'] };
	gaps?: Aggregate['gaps'];
	pairs?: Aggregate['pairs'];
	agenda?: Aggregate['agenda'];
	questions?: Aggregate['questions'];
};

const rank = (r: Reveal) => REVEAL_STEPS.indexOf(r.step);

/**
 * Cuts the aggregate down to what the projector shows at this step, so that phones following the
 * reveal never learn more than the room has seen. `undefined` while results are hidden.
 */
export function visibleAt(agg: PublishedResults, reveal: Reveal, q: Questionnaire): VisibleAggregate | undefined {
	if (reveal.step === 'hidden') return undefined;
	const withDimensions = rank(reveal) >= rank({ step: 'groups' });
	const groups: VisibleAggregate['groups'] = {};
	for (const [id, g] of Object.entries(agg.groups)) {
		if (g.suppressed) groups[id] = { suppressed: true, n: g.n, needed: g.needed };
		else groups[id] = { suppressed: false, n: g.n, overall: g.overall, ...(withDimensions ? { dimensions: g.dimensions } : {}) };
	}
	const visible: VisibleAggregate = {
		minGroupSize: agg.minGroupSize,
		detailMinSize: agg.detailMinSize,
		held: agg.held,
		groups,
		everyone: { n: agg.everyone.n, overall: agg.everyone.overall, ...(withDimensions ? { dimensions: agg.everyone.dimensions } : {}) }
	};
	if (rank(reveal) >= rank({ step: 'gaps' })) {
		visible.gaps = agg.gaps;
		visible.pairs = agg.pairs;
	}
	if (rank(reveal) >= rank({ step: 'agenda' })) visible.agenda = agg.agenda;
	if (reveal.step === 'deep-dive' && reveal.dimensionId) {
		const ids = new Set(q.questions.filter((x) => x.dimension === reveal.dimensionId).map((x) => x.id));
		visible.questions = Object.fromEntries(Object.entries(agg.questions).filter(([id]) => ids.has(id)));
	}
	return visible;
}

/** The whole sequence for a questionnaire: the fixed steps, then one deep-dive per dimension in the given order. */
export function revealSequence(dimensionOrder: string[]): Reveal[] {
	return [
		...REVEAL_STEPS.filter((s) => s !== 'deep-dive').map((step) => ({ step })),
		...dimensionOrder.map((dimensionId) => ({ step: 'deep-dive' as const, dimensionId }))
	];
}
