import type { Aggregate } from './aggregation.js';
import type { Held } from './publication.js';
import type { Questionnaire } from './questionnaire.schema.js';

/** The figures of a revealed workshop: the aggregate of the published answers, and what is held back. */
export type PublishedResults = Aggregate & {
	/** Per group: people whose newer answers are not in its figures yet, and why. */
	held: Record<string, Held>;
};

/**
 * The steps a facilitator walks the room through, in order: answering (`hidden`), the diagnosis
 * (`overall` … `deep-dive`), then the outcome: agreed levels, ideas, dot voting, the 12-month
 * roadmap and the summary everyone takes home.
 */
export const REVEAL_STEPS = ['review', 'hidden', 'overall', 'groups', 'gaps', 'perspective', 'agenda', 'deep-dive', 'agree', 'ideas', 'vote', 'roadmap', 'summary'] as const;
/** Steps about one dimension: a deep dive always names it; `agree` may (one dimension) or not (all of them). */
export const DIMENSION_STEPS = ['deep-dive', 'agree'] as const;
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
	if (!isFigureStep(reveal.step)) return undefined;
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

/**
 * The whole sequence for a questionnaire: the diagnosis steps, a deep dive per dimension in the
 * given order (the agenda's), then agreeing on each dimension in the same order, then ideas, voting,
 * the roadmap and the summary.
 */
export function revealSequence(dimensionOrder: string[], options: { review?: boolean; perspective?: boolean } = {}): Reveal[] {
	const fixed = (steps: RevealStepName[]) => steps.map((step) => ({ step }));
	return [
		...fixed([...(options.review ? (['review'] as const) : []), 'hidden', 'overall', 'groups', 'gaps', ...(options.perspective ? (['perspective'] as const) : []), 'agenda']),
		...dimensionOrder.map((dimensionId) => ({ step: 'deep-dive' as const, dimensionId })),
		...dimensionOrder.map((dimensionId) => ({ step: 'agree' as const, dimensionId })),
		...fixed(['ideas', 'vote', 'roadmap', 'summary'])
	];
}

/**
 * Steps that show figures. Before them come answering (`hidden`) and, in a follow-up, the review
 * of the previous roadmap (`review`): no figure of this workshop exists there.
 */
export const isFigureStep = (step: RevealStepName): boolean => step !== 'hidden' && step !== 'review';

/** Steps of the outcome: from here on the screens show agreements, ideas, votes and measures. */
export const isOutcomeStep = (step: RevealStepName): boolean => REVEAL_STEPS.indexOf(step) >= REVEAL_STEPS.indexOf('agree');
export const stepRank = (step: RevealStepName): number => REVEAL_STEPS.indexOf(step);
