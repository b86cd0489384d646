import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { patternLinks, patternsFor } from './patterns.js';
import { fixtureV2 } from './questionnaire.fixture-v2.js';
import type { Questionnaire } from './questionnaire.schema.js';

const load = (version: string) =>
	JSON.parse(readFileSync(resolve(import.meta.dirname, `../../../questionnaires/service-maturity-${version}.json`), 'utf8')) as Questionnaire;
const files = { '1.0.0': load('1.0.0'), '2.0.0': load('2.0.0') };

describe('pattern links', () => {
	it.each(Object.entries(files))('%s: one link per pattern, each to a question of the file', (_, q) => {
		const links = patternLinks(q)!;
		for (const level of q.levels) {
			expect(links[level.value], `level ${level.value}`).toHaveLength(level.patterns.length);
			for (const question of links[level.value]) if (question) expect(q.questions.map((x) => x.id)).toContain(question);
		}
	});
});

describe('patterns shown for one person (2.0.0, level 2)', () => {
	const q = files['2.0.0'];
	const fits = (answers: Answers) => {
		const p = patternsFor(q, answers, 2);
		return { fits: p.shown.map((s) => `${q.levels[1].patterns.indexOf(s.text)}:${s.fit}`), omitted: p.omitted };
	};
	it.each<{ name: string; answers: Answers; expected: ReturnType<typeof fits> }>([
		{ name: 'no answers: all five typical', answers: {}, expected: { fits: ['0:typical', '1:typical', '2:typical', '3:typical', '4:typical'], omitted: 0 } },
		{
			name: 'self-service usual (level 3) leaves out "self-service exists, most still call"; partial integration matches',
			answers: { 'engagement-self-service': 'engagement-self-service.usual', 'technology-integration': 'technology-integration.partial' },
			expected: { fits: ['1:matches', '2:typical', '3:typical', '4:typical'], omitted: 1 }
		},
		{
			name: 'the issue 13 case: self-service, integration and collaboration at level 3 leave three out',
			answers: {
				'engagement-self-service': 'engagement-self-service.usual',
				'technology-integration': 'technology-integration.integrated',
				'organisation-feedback': 'organisation-feedback.process'
			},
			expected: { fits: ['2:typical', '4:typical'], omitted: 3 }
		},
		{
			name: '"don\'t know" contradicts nothing; a level-1 answer does',
			answers: { 'technology-automation': null, 'planning-horizon': 'planning-horizon.weeks' },
			expected: { fits: ['0:typical', '1:typical', '2:typical', '3:typical'], omitted: 1 }
		}
	])('$name', ({ answers, expected }) => expect(fits(answers)).toEqual(expected));

	it('a version without links shows every pattern as typical', () => {
		const p = patternsFor(fixtureV2, { a1: 'a1.3' }, 1);
		expect(p).toEqual({ level: 1, shown: fixtureV2.levels[0].patterns.map((text) => ({ text, fit: 'typical' })), omitted: 0 });
	});
});
