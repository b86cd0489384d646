import { getContext, setContext } from 'svelte';
import type { Questionnaire } from '$lib/core/questionnaire.schema';

/** What every results view needs besides the figures: names of groups, dimensions and levels. */
export type ResultsContext = {
	questionnaire: Questionnaire;
	/** The session's groups in order, with labels already in the viewer's language. */
	groups: { id: string; label: string; role?: string }[];
};

const KEY = Symbol('results');
export const setResultsContext = (ctx: () => ResultsContext) => setContext(KEY, ctx);
export const getResultsContext = (): (() => ResultsContext) => getContext(KEY);
