import type { LevelValue, Questionnaire } from '$lib/core/questionnaire.schema';
import type { Transition } from '$lib/core/scoring';
import type { I18n } from '$lib/i18n/i18n.svelte';

/**
 * How a level is written wherever the result shows one: its name, or, on an exact boundary, the
 * transition ("Übergang 2→3"), so no screen silently rounds a boundary down.
 */
export function levelText(i18n: I18n, q: Questionnaire, level: LevelValue, transition?: Transition): string {
	return transition ? i18n.t.result.transitionShort(transition[0], transition[1]) : i18n.pick(q.levels[level - 1]!.label);
}

/** The long form for headings: "Übergang zwischen „Optimierend“ und „Strategisch“". */
export function levelTextLong(i18n: I18n, q: Questionnaire, level: LevelValue, transition?: Transition): string {
	if (!transition) return i18n.pick(q.levels[level - 1]!.label);
	return i18n.t.result.transitionLong(i18n.pick(q.levels[transition[0] - 1]!.label), i18n.pick(q.levels[transition[1] - 1]!.label));
}

/** Dimension labels joined for a sentence, in the reader's language ("A, B und C"). */
export function joinLabels(i18n: I18n, labels: string[]): string {
	return new Intl.ListFormat(i18n.tag, { style: 'long', type: 'conjunction' }).format(labels);
}
