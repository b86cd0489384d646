import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Questionnaire } from './questionnaire.schema.js';
import { suggestionsFor } from './suggestions.js';

const load = (version: string) =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../questionnaires/service-maturity-${version}.json`), 'utf8')) as Questionnaire;

describe('suggestionsFor', () => {
	it('takes the measures library of the next level step where the questionnaire has one', () => {
		const q = load('2.0.0');
		const fromReactive = suggestionsFor(q, 'vision', 1);
		expect(fromReactive.length).toBeGreaterThanOrEqual(2);
		expect(new Set(fromReactive.map((s) => s.kind))).toEqual(new Set(['quick-win', 'project']));
		expect(suggestionsFor(q, 'vision', 3).map((s) => s.id)).toEqual(suggestionsFor(q, 'vision', 2).map((s) => s.id));
	});

	it('falls back to the recommendation for the level', () => {
		const q = load('1.0.0');
		const s = suggestionsFor(q, 'goals', 2);
		expect(s).toHaveLength(1);
		expect(s[0]!.text.de.length).toBeGreaterThan(5);
	});
});
