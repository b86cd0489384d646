import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCheckResult } from '../../src/lib/core/check-result.js';
import { contradictionsIn } from '../../src/lib/core/contradictions.js';
import { isQuestionnaireV2, LOCALES, type LocalizedText, type Questionnaire, type QuestionnaireV2 } from '../../src/lib/core/questionnaire.schema.js';
import { readingWordCount } from '../../src/lib/core/reading.js';
import { parseQuestionnaireFile } from './questionnaire.catalog.js';

/**
 * Content rules for service-maturity 2.0.0 that a schema cannot express: the answer options must
 * not give away which one is "best", the text must fit the 5-minute promise, and every group must
 * be able to read it as written (see docs/questionnaire-2.md for the reasons).
 */
const DIR = resolve(import.meta.dirname, '../../questionnaires');
const load = (file: string) => parseQuestionnaireFile(file, readFileSync(resolve(DIR, file), 'utf8'));
const v1 = load('service-maturity-1.0.0.json');
const loaded = load('service-maturity-2.0.0.json');
if (!isQuestionnaireV2(loaded)) throw new Error('2.0.0 is not format 2');
const q: QuestionnaireV2 = loaded;

type Question = Questionnaire['questions'][number];
const levelsInOrder = (x: Question) => x.options.map((o) => o.level).join('');
/** Questions whose options are stored (and so shown) from level 1 up to level 3. */
const inLevelOrder = (questionnaire: Questionnaire) =>
	questionnaire.questions.filter((x) => x.options.every((o, i) => i === 0 || (x.options[i - 1]?.level ?? 0) <= o.level));
/** Questions whose level-3 option is at least as long as every other option. */
const level3Longest = (questionnaire: Questionnaire, locale: 'de' | 'en') =>
	questionnaire.questions.filter((x) => {
		const own = Math.max(...x.options.filter((o) => o.level === 3).map((o) => o.text[locale].length));
		return x.options.every((o) => o.text[locale].length <= own);
	});
/** Everything a participant reads during the check. */
const readingTexts: LocalizedText[] = [q.instructions, ...q.questions.flatMap((x) => [x.text, ...(x.help ? [x.help] : []), ...x.options.map((o) => o.text)])];
/** Every text of the file, for terminology rules. */
function allTexts(value: unknown): LocalizedText[] {
	if (Array.isArray(value)) return value.flatMap(allTexts);
	if (value && typeof value === 'object') {
		const record = value as Record<string, unknown>;
		if (typeof record.de === 'string' && typeof record.en === 'string') return [{ de: record.de, en: record.en }];
		return Object.values(record).flatMap(allTexts);
	}
	return [];
}
const everyText = allTexts(q);

describe('structure', () => {
	it('keeps the six dimensions of 1.0.0, with the same ids in the same order', () => {
		expect(q.dimensions.map((d) => d.id)).toEqual(v1.dimensions.map((d) => d.id));
	});

	it('has 20 questions, three or four per dimension, each with exactly one option per level', () => {
		expect(q.questions).toHaveLength(20);
		for (const d of q.dimensions) expect([3, 4], d.id).toContain(q.questions.filter((x) => x.dimension === d.id).length);
		for (const x of q.questions) expect(levelsInOrder(x).split('').sort().join(''), x.id).toBe('123');
	});

	it('is published (no draft status), now that its scoring rules are in: the default for new checks and workshops', () => expect(q.status).toBeUndefined());
});

describe('the options do not give the "good" answer away', () => {
	it('stores options in level order (1, 2, 3) in at most 5 questions', () => {
		const ascending = inLevelOrder(q).map((x) => x.id);
		expect(ascending.length, ascending.join(', ')).toBeLessThanOrEqual(5);
	});

	it('uses no single arrangement of levels in more than 5 questions', () => {
		const counts = new Map<string, number>();
		for (const x of q.questions) counts.set(levelsInOrder(x), (counts.get(levelsInOrder(x)) ?? 0) + 1);
		for (const [order, n] of counts) expect(n, order).toBeLessThanOrEqual(5);
	});

	it('puts the level-3 option at no one position in more than 8 questions', () => {
		for (const position of [0, 1, 2]) expect(q.questions.filter((x) => x.options[position]?.level === 3).length).toBeLessThanOrEqual(8);
	});

	it.each(LOCALES)('makes the level-3 option the longest (ties included) in at most 8 questions (%s)', (locale) => {
		const longest = level3Longest(q, locale);
		expect(longest.length, longest.map((x) => x.id).join(', ')).toBeLessThanOrEqual(8);
	});

	it('would have failed 1.0.0 (the counts the issue reports)', () => {
		expect(inLevelOrder(v1)).toHaveLength(20);
		expect(level3Longest(v1, 'de')).toHaveLength(17); // 16 strictly longest + 1 tie
		expect(readingWordCount(v1, 'de')).toBeGreaterThan(900);
	});

	const cueWords: Record<'de' | 'en', RegExp> = {
		de: /\b(kaum|gar nicht|nie|niemals|versanden|versandet|zufällig|gezielt|festgelegt|schlicht)\b/i,
		en: /\b(barely|hardly|never|at random|deliberately|simply|not at all)\b/i
	};
	it.each(LOCALES)('uses no approving or condemning cue words in options (%s)', (locale) => {
		const hits = q.questions.flatMap((x) => x.options.filter((o) => cueWords[locale].test(o.text[locale])).map((o) => o.id));
		expect(hits).toEqual([]);
	});

	it('adds no excuse clauses ("there is no time for …") to a state', () => {
		const excuse = /fehlt[^.]*Zeit|keine Zeit|no time|leaves no time/i;
		expect(q.questions.flatMap((x) => x.options.filter((o) => excuse.test(o.text.de) || excuse.test(o.text.en)).map((o) => o.id))).toEqual([]);
	});
});

describe('every group can answer as written', () => {
	it('speaks of the service in the third person: no "wir"/"we" in questions and options', () => {
		const firstPerson = { de: /\b(wir|uns|unser\w*)\b/i, en: /\b(we|us|our)\b/i };
		const hits = readingTexts.filter((t) => firstPerson.de.test(t.de) || firstPerson.en.test(t.en));
		expect(hits).toEqual([]);
	});

	it('uses neutral industry terms: no "Ticket" in anything the participant reads', () => {
		expect(readingTexts.filter((t) => /ticket/i.test(t.de) || /ticket/i.test(t.en))).toEqual([]);
	});

	it.each(LOCALES)('keeps the reading within 900 words (%s)', (locale) => {
		expect(readingWordCount(q, locale)).toBeLessThanOrEqual(900);
	});

	it('tells people how to answer: today, the fully true option, "ihr" means the service, "don\'t know" counts', () => {
		expect(q.instructions.de).toMatch(/heute/);
		expect(q.instructions.de).toMatch(/„Ihr“ meint immer den Kundenservice/);
		expect(q.instructions.de).toContain('„Weiß ich nicht“');
		expect(q.instructions.en).toContain('“Don’t know”');
	});
});

describe('terminology', () => {
	it.each<[string, RegExp, 'de' | 'en']>([
		['German: Reifegrad, not Reifestufe', /Reifestufe/i, 'de'],
		['German: Unternehmensleitung, not Geschäftsführung', /Geschäftsführung/, 'de'],
		['German: "Weiß ich nicht", not "Weiß nicht"', /Weiß nicht/, 'de'],
		['German: Erstlösungsquote, not Wiederkontaktquote', /Wiederkontaktquote/, 'de'],
		['German: no "Tags" that read as "Tage"', /\bTags\b/, 'de'],
		['German: Stückwerk, not Flickwerk', /Flickwerk/, 'de'],
		['English: no "steering"', /steering/i, 'en'],
		['English: no "common thread"', /common thread/i, 'en'],
		['English: no "target picture"', /target picture/i, 'en'],
		['English: no "burning loudest"', /burning loudest/i, 'en']
	])('%s', (_name, banned, locale) => {
		expect(everyText.map((t) => t[locale]).filter((t) => banned.test(t))).toEqual([]);
	});
});

describe('recommendations and measures', () => {
	const actions = [...q.recommendations, ...q.triggeredRecommendations];

	it.each(LOCALES)('has no two recommendations with the same title (%s)', (locale) => {
		const titles = actions.map((r) => r.title[locale]);
		expect(new Set(titles).size).toBe(titles.length);
	});

	it('writes a data-protection note for personal data and a works-council note for monitoring', () => {
		for (const item of [...actions, ...q.measures]) {
			const c = item.compliance;
			if (!c) continue;
			if (c.topics.includes('personal-data')) {
				expect(c.note.de, item.id).toMatch(/Datenschutz/);
				expect(c.note.en, item.id).toMatch(/data protection|privacy/i);
			}
			if (c.topics.includes('employee-monitoring')) {
				expect(c.note.de, item.id).toMatch(/Betriebsrat/);
				expect(c.note.en, item.id).toMatch(/works council/i);
			}
		}
	});

	it('adds that note wherever a step uses AI, joins customer data, surveys employees or asks them to log work', () => {
		const sensitive = /\bKI\b|(Kunden|Kontakt|Vertrags|Bestell)daten|Befragung|Umfrage|Freiwillige|Einstufung/;
		const missing = [...actions, ...q.measures]
			.filter((item) => !item.compliance)
			.filter((item) => sensitive.test([item.title.de, 'body' in item ? item.body.de : item.description.de, 'nextStep' in item ? item.nextStep.de : ''].join(' ')))
			.map((item) => item.id);
		expect(missing).toEqual([]);
	});

	it('offers a recommendation for each tension and for many "don\'t know" answers in each dimension', () => {
		for (const t of q.tensions) expect(q.triggeredRecommendations.some((r) => r.trigger.kind === 'tension' && r.trigger.tension === t.id), t.id).toBe(true);
		for (const d of q.dimensions)
			expect(q.triggeredRecommendations.some((r) => r.trigger.kind === 'dont-know' && r.trigger.dimension === d.id), d.id).toBe(true);
	});

	it('fires the two new tensions with today\'s scoring code', () => {
		const answerAt = (levelOf: (dimension: string) => number) =>
			Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => o.level === levelOf(x.dimension))?.id ?? null]));
		const fired = (levelOf: (dimension: string) => number) => computeCheckResult(q, answerAt(levelOf)).consistency.tensions.map((t) => t.id);
		expect(fired((d) => (d === 'vision' ? 3 : 2))).toContain('claim-without-evidence');
		expect(fired((d) => (d === 'technology' ? 3 : 2))).toContain('tools-without-roots');
		expect(fired(() => 2)).toEqual([]);
	});

	it('catches the review\'s example: self-service said to absorb much while another answer says it is rarely used', () => {
		const middle = Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => o.level === 2)?.id ?? null]));
		expect(contradictionsIn(q, middle)).toEqual([]);
		const fired = contradictionsIn(q, { ...middle, 'technology-growth': 'technology-growth.absorbed', 'engagement-self-service': 'engagement-self-service.direct' });
		expect(fired.map((c) => c.id)).toEqual(['self-service-absorbs-but-rarely-used']);
	});

	it('includes the two new tensions', () => {
		const rule = (id: string) => q.tensions.find((t) => t.id === id)?.rule;
		expect(rule('claim-without-evidence')).toMatchObject({ high: ['vision'], low: ['goals'] });
		expect(rule('tools-without-roots')).toMatchObject({ high: ['technology'], low: ['organisation'] });
	});
});
