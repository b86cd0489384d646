import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { assessConsistency } from './consistency.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { allAt, fixtureV2 } from './questionnaire.fixture-v2.js';
import { topRecommendations, triggeredRecommendations } from './recommendations.js';
import { scoreDimensions } from './scoring.js';

describe('top recommendations', () => {
	it.each<{ name: string; answers: Answers; ids: string[] }>([
		{ name: 'weakest dimension first, at its level', answers: answersOf({ a: [1, 1], b: [2, 2], c: [3, 3] }), ids: ['rec-a-1', 'rec-b-2', 'rec-c-3'] },
		{ name: 'ties follow the dimension order', answers: answersOf({ a: [2, 2], b: [2, 2], c: [1, 1] }), ids: ['rec-c-1', 'rec-a-2', 'rec-b-2'] },
		{ name: 'dimensions without a score are skipped', answers: answersOf({ a: [1], b: [3, 3], c: [1, 2] }), ids: ['rec-c-1', 'rec-b-3'] },
		{ name: 'nothing scored, nothing recommended', answers: answersOf({ a: [null, null, null] }), ids: [] }
	])('$name', ({ answers, ids }) => {
		expect(topRecommendations(fixture, scoreDimensions(fixture, answers)).map((r) => r.id)).toEqual(ids);
	});
});

describe('triggered recommendations', () => {
	const triggered = (answers: Answers) => triggeredRecommendations(fixtureV2, assessConsistency(fixtureV2, scoreDimensions(fixtureV2, answers))).map((r) => r.id);
	it.each<{ name: string; answers: Answers; ids: string[] }>([
		{ name: 'nothing found, nothing triggered', answers: allAt(2), ids: [] },
		{ name: 'a fired tension (c a level above a)', answers: allAt(2, { c: [3, 3, 3] }), ids: ['rec-c-over-a'] },
		{ name: 'many "don\'t know" in d (1 of 4)', answers: allAt(2, { d: [2, 2, 2, null] }), ids: ['rec-dk-d'] },
		{
			name: 'a notable share overall (6 of 19) and in d, after the tension, in file order',
			answers: allAt(2, { a: [1, 1, null], c: [3, 3, null], d: [null, null, 2, 2], e: [null, 2, 2], f: [null, 2, 2] }),
			ids: ['rec-c-over-a', 'rec-dk', 'rec-dk-d']
		},
	])('$name', ({ answers, ids }) => expect(triggered(answers)).toEqual(ids));

	it('a 1.x file without triggered recommendations triggers none', () => {
		const answers = answersOf({ a: [1, 1], b: [null, null, null], c: [3, 3] });
		expect(triggeredRecommendations(fixture, assessConsistency(fixture, scoreDimensions(fixture, answers)))).toEqual([]);
	});
});
