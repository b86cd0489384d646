import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { topRecommendations } from './recommendations.js';
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
