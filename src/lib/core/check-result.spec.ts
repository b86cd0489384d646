import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { computeCheckResult } from './check-result.js';
import type { LevelValue, Questionnaire } from './questionnaire.schema.js';

const q = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../questionnaires/service-maturity-2.0.0.json'), 'utf8')) as Questionnaire;
/** Every question answered at its dimension's level; `overrides` set single answers by option id. */
function answersAt(levelOf: (dimension: string) => LevelValue, overrides: Answers = {}): Answers {
	return { ...Object.fromEntries(q.questions.map((x) => [x.id, x.options.find((o) => o.level === levelOf(x.dimension))!.id])), ...overrides };
}

describe('the solo result of 2.0.0', () => {
	it('lists the item-level contradictions the answers trigger', () => {
		const r = computeCheckResult(q, answersAt(() => 2, { 'technology-growth': 'technology-growth.absorbed', 'engagement-self-service': 'engagement-self-service.direct' }));
		expect(r.contradictions.map((c) => c.id)).toEqual(['self-service-absorbs-but-rarely-used']);
	});

	it('adds the recommendation of a fired tension, with its plan fields', () => {
		const r = computeCheckResult(q, answersAt((d) => (d === 'technology' ? 3 : d === 'vision' || d === 'goals' ? 1 : 2)));
		expect(r.consistency.tensions.map((t) => t.id)).toContain('tools-outrun-direction');
		expect(r.triggered.find((t) => t.id === 'rec-tension-tools-outrun-direction')).toMatchObject({ owner: 'leadership', effort: 'S', horizon: 'quick-win' });
	});

	it('adds the "don\'t know" recommendations: overall and for the dimension', () => {
		const unknown = Object.fromEntries(q.questions.filter((x) => x.dimension === 'engagement' || x.dimension === 'vision').map((x) => [x.id, null]));
		const r = computeCheckResult(q, answersAt(() => 2, unknown));
		expect(r.triggered.map((t) => t.id)).toEqual(['rec-dont-know', 'rec-dont-know-vision', 'rec-dont-know-engagement']);
		expect(r.overall?.provisional).toMatchObject({ reason: 'few-dimensions', scored: 4 });
	});

	it('leads with a profile of the six dimensions', () => {
		const r = computeCheckResult(q, answersAt((d) => (d === 'vision' ? 1 : d === 'goals' ? 3 : 2)));
		expect(r.profile).toEqual({ counts: { '1': 1, '1-2': 0, '2': 4, '2-3': 0, '3': 1 }, unscored: 0 });
	});
});
