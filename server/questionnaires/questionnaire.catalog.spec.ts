import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeAnswers } from '../../src/lib/core/answer-code.js';
import { computeCheckResult } from '../../src/lib/core/check-result.js';
import { loadQuestionnaireCatalog, parseQuestionnaireFile, QuestionnaireFileError } from './questionnaire.catalog.js';

const DIR = resolve(import.meta.dirname, '../../questionnaires');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

describe('every questionnaire file in questionnaires/', () => {
	it('there is at least one', () => expect(files.length).toBeGreaterThan(0));

	it.each(files)('%s validates against the schema in both languages', (file) => {
		const q = parseQuestionnaireFile(file, readFileSync(join(DIR, file), 'utf8'));
		expect(q.locales).toEqual(expect.arrayContaining(['de', 'en']));
	});

	it.each(files)('%s offers an option at each of the three levels in every question', (file) => {
		const q = parseQuestionnaireFile(file, readFileSync(join(DIR, file), 'utf8'));
		for (const question of q.questions) expect(new Set(question.options.map((o) => o.level)), question.id).toEqual(new Set([1, 2, 3]));
	});
});

describe('the service-maturity questionnaire', () => {
	const q = loadQuestionnaireCatalog(DIR).get('service-maturity');
	if (!q) throw new Error('service-maturity is missing');
	const levelAnswers = (levelFor: (dimensionId: string) => 1 | 2 | 3) =>
		Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => o.level === levelFor(x.dimension))?.id ?? null]));

	it('has 20 questions over six dimensions, three or four each', () => {
		expect(q.questions).toHaveLength(20);
		expect(q.dimensions).toHaveLength(6);
		for (const d of q.dimensions) expect(q.questions.filter((x) => x.dimension === d.id).length).toBeGreaterThanOrEqual(3);
		for (const d of q.dimensions) expect(q.questions.filter((x) => x.dimension === d.id).length).toBeLessThanOrEqual(4);
	});

	it('has at least five tensions and a recommendation for every dimension and level', () => {
		expect(q.tensions.length).toBeGreaterThanOrEqual(5);
		expect(q.recommendations.length).toBeGreaterThanOrEqual(18);
	});

	it('caps the overall level one above a reactive dimension', () => {
		const result = computeCheckResult(q, levelAnswers((d) => (d === 'planning' ? 1 : 3)));
		expect(result.overall).toMatchObject({ level: 2, uncappedLevel: 3, capped: true, weakestDimensionId: 'planning' });
		expect(result.top[0]?.dimension).toBe('planning');
		expect(result.consistency.tensions.map((t) => t.id)).toContain('vision-without-roadmap');
	});
});

describe('version 1.0.0 stays as it was', () => {
	const file = join(DIR, 'service-maturity-1.0.0.json');
	const text = readFileSync(file, 'utf8');

	// Share codes store option positions and workshops store option ids: any edit to this file would
	// change old results, so a new version must be a new file. This pins the bytes.
	it('is byte for byte the published file', () => {
		expect(createHash('sha256').update(text).digest('hex')).toBe('2678532c5d729476f185457459dffeb47f75f5cd6cd0ed41d87417dcf9ed637d');
	});

	it('loads without the schema adding or dropping anything', () => {
		expect(parseQuestionnaireFile(file, text)).toEqual(JSON.parse(text));
	});

	it('still decodes an old share code to the same options', () => {
		const q = loadQuestionnaireCatalog(DIR).get('service-maturity', '1.0.0');
		if (!q) throw new Error('1.0.0 is missing');
		const answers = decodeAnswers(q, '13021-3');
		expect(answers).toEqual({ 'vision-role': 'vision-role.a', 'vision-decisions': 'vision-decisions.c', 'vision-value': null, 'goals-kpis': 'goals-kpis.b', 'goals-impact': 'goals-impact.a', 'goals-response': 'goals-response.c' });
	});
});

describe('drafts', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('service-maturity 2.0.0 is published: the default, listed before 1.0.0, which stays loadable by its version', () => {
		const catalog = loadQuestionnaireCatalog(DIR);
		expect(catalog.get('service-maturity')?.version).toBe('2.0.0');
		expect(catalog.get('service-maturity')?.status).toBeUndefined();
		expect(catalog.get('service-maturity', '1.0.0')?.version).toBe('1.0.0');
		expect(catalog.list().filter((x) => x.id === 'service-maturity').map((x) => x.version)).toEqual(['2.0.0', '1.0.0']);
	});

	it('a draft above the published versions is loadable by its version, but neither the default nor listed', () => {
		dir = mkdtempSync(join(tmpdir(), 'standort-q-'));
		copyFileSync(join(DIR, 'service-maturity-1.0.0.json'), join(dir, 'service-maturity-1.0.0.json'));
		copyFileSync(join(DIR, 'service-maturity-2.0.0.json'), join(dir, 'service-maturity-2.0.0.json'));
		const next = JSON.parse(readFileSync(join(DIR, 'service-maturity-2.0.0.json'), 'utf8')) as { version: string; status?: string };
		next.version = '2.1.0';
		next.status = 'draft';
		writeFileSync(join(dir, 'service-maturity-2.1.0.json'), JSON.stringify(next));
		const catalog = loadQuestionnaireCatalog(dir);
		expect(catalog.get('service-maturity')?.version).toBe('2.0.0');
		expect(catalog.get('service-maturity', '2.1.0')).toMatchObject({ version: '2.1.0', status: 'draft' });
		expect(catalog.list().map((x) => x.version)).toEqual(['2.0.0', '1.0.0']);
	});

	it('a draft is validated like any other file', () => {
		dir = mkdtempSync(join(tmpdir(), 'standort-q-'));
		const draft = JSON.parse(readFileSync(join(DIR, 'service-maturity-2.0.0.json'), 'utf8')) as { measures: unknown[]; status?: string };
		draft.status = 'draft';
		draft.measures = [];
		writeFileSync(join(dir, 'draft.json'), JSON.stringify(draft));
		expect(() => loadQuestionnaireCatalog(dir)).toThrow(/draft\.json[\s\S]*\$\.measures: no quick-win for dimension "vision" at step 1-2/);
	});
});

describe('a broken file', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('names the file, the JSON path and the problem', () => {
		dir = mkdtempSync(join(tmpdir(), 'standort-q-'));
		const q = JSON.parse(readFileSync(join(DIR, files[0] ?? ''), 'utf8')) as { questions: { text: { en?: string } }[] };
		delete q.questions[3]?.text.en;
		writeFileSync(join(dir, 'broken.json'), JSON.stringify(q));
		let error: unknown;
		try {
			loadQuestionnaireCatalog(dir);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(QuestionnaireFileError);
		expect((error as Error).message).toContain(join(dir, 'broken.json'));
		expect((error as Error).message).toContain('$.questions[3].text.en');
	});

	it('reports invalid JSON with the file name', () => {
		dir = mkdtempSync(join(tmpdir(), 'standort-q-'));
		writeFileSync(join(dir, 'bad.json'), '{ "id": ');
		expect(() => loadQuestionnaireCatalog(dir)).toThrow(/bad\.json.*not valid JSON/s);
	});
});
