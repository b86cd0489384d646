import type { LevelValue, LocalizedText, Questionnaire } from './questionnaire.schema.js';

export type Suggestion = { id: string; text: LocalizedText; kind?: 'quick-win' | 'project' };

/**
 * Measures the questionnaire suggests for a dimension at the level the room agreed on today: from
 * its measures library for the next step (1→2, 2→3) where it has one, otherwise the recommendation
 * written for that level. A dimension already at the top level gets the 2→3 measures that keep it there.
 */
export function suggestionsFor(q: Questionnaire, dimensionId: string, current: LevelValue): Suggestion[] {
	const step = current === 1 ? '1-2' : '2-3';
	const library = (q.measures ?? []).filter((m) => m.dimension === dimensionId && m.step === step);
	if (library.length) return library.map((m) => ({ id: m.id, text: m.title, kind: m.kind }));
	return q.recommendations.filter((r) => r.dimension === dimensionId && r.level === current).map((r) => ({ id: r.id, text: r.title }));
}
