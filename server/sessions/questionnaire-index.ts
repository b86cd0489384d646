import type { QuestionnaireCatalog } from '../questionnaires/questionnaire.catalog.js';

/** Question id → its option ids, per questionnaire version, built once and reused for every answer. */
export function createQuestionnaireIndex(catalog: QuestionnaireCatalog) {
	const cache = new Map<string, Map<string, Set<string>>>();
	return (id: string, version: string): Map<string, Set<string>> => {
		const key = `${id}@${version}`;
		let index = cache.get(key);
		if (!index) {
			const q = catalog.get(id, version);
			index = new Map(q?.questions.map((x) => [x.id, new Set(x.options.map((o) => o.id))]) ?? []);
			cache.set(key, index);
		}
		return index;
	};
}
