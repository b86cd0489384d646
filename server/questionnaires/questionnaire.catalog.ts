import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { questionnaireSchema, type Questionnaire } from '../../src/lib/core/questionnaire.schema.js';
import { compareVersions } from '../../src/lib/core/version.js';

export class QuestionnaireFileError extends Error {
	constructor(
		readonly file: string,
		readonly problems: string[]
	) {
		super(`Questionnaire file ${file} is invalid:\n  ${problems.join('\n  ')}`);
		this.name = 'QuestionnaireFileError';
	}
}

export type QuestionnaireSummary = { id: string; version: string; title: Questionnaire['title'] };

/** A JSON path such as `$.questions[3].options[1].text.en`, the form editors search for. */
function jsonPath(path: PropertyKey[]): string {
	return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

export function parseQuestionnaireFile(file: string, text: string): Questionnaire {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new QuestionnaireFileError(file, [`not valid JSON: ${(error as Error).message}`]);
	}
	const result = questionnaireSchema.safeParse(raw);
	if (!result.success)
		throw new QuestionnaireFileError(
			file,
			result.error.issues.map((i) => `${jsonPath(i.path)}: ${i.message}`)
		);
	return result.data;
}

/** A draft (`"status": "draft"`) is loadable by its exact version but never offered by default. */
export function isDraft(q: Questionnaire): boolean {
	return q.status === 'draft';
}

/**
 * All questionnaires of a folder, every version of each. Loaded once at start-up: a broken file
 * stops the process with the file, the JSON path and the problem. Drafts are validated like every
 * other file, but only a published version is listed or chosen when no version is asked for, so a
 * new version can ship before the code that scores it.
 */
export function loadQuestionnaireCatalog(dir: string) {
	const byKey = new Map<string, Questionnaire>();
	for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		const file = join(dir, name);
		const q = parseQuestionnaireFile(file, readFileSync(file, 'utf8'));
		const key = `${q.id}@${q.version}`;
		if (byKey.has(key)) throw new QuestionnaireFileError(file, [`$.version: ${key} is defined twice`]);
		byKey.set(key, q);
	}
	if (byKey.size === 0) throw new Error(`No questionnaire files found in ${dir}`);
	const published = [...byKey.values()].filter((q) => !isDraft(q));

	return {
		/** Published versions only, newest first per id. */
		list(): QuestionnaireSummary[] {
			return published
				.map(({ id, version, title }) => ({ id, version, title }))
				.sort((a, b) => a.id.localeCompare(b.id) || compareVersions(b.version, a.version));
		},
		/** The given version (draft or not), or the newest published one when no version is asked for. */
		get(id: string, version?: string): Questionnaire | undefined {
			if (version) return byKey.get(`${id}@${version}`);
			return published.filter((q) => q.id === id).sort((a, b) => compareVersions(b.version, a.version))[0];
		}
	};
}
export type QuestionnaireCatalog = ReturnType<typeof loadQuestionnaireCatalog>;
