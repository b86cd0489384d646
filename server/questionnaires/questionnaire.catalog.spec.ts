import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
