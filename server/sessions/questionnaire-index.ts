import type { QuestionnaireCatalog } from '../questionnaires/questionnaire.catalog.js';

/** Question id → its option ids, per questionnaire version, built once and reused for every answer. */
export function createQuestionnaireIndex(catalog: QuestionnaireCatalog) {
	const cache = new Map<string, Map<string, Set<string>>>();
	/** Undefined when that version is not installed (e.g. removed in an upgrade). */
	return (id: string, version: string): Map<string, Set<string>> | undefined => {
		const key = `${id}@${version}`;
		let index = cache.get(key);
		if (!index) {
			const q = catalog.get(id, version);
			if (!q) return undefined;
			index = new Map(q.questions.map((x) => [x.id, new Set(x.options.map((o) => o.id))]));
			cache.set(key, index);
		}
		return index;
	};
}
