import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { assessConsistency } from './consistency.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { allAt, fixtureV2 } from './questionnaire.fixture-v2.js';
import { scoreDimensions } from './scoring.js';

const assess = (answers: Answers) => assessConsistency(fixture, scoreDimensions(fixture, answers));

describe('ambiguous and consistent dimensions', () => {
	it.each<{ name: string; answers: Answers; ambiguous: string[]; consistent: string[] }>([
		{ name: 'answers spanning level 1 and 3 are ambiguous', answers: answersOf({ a: [1, 3] }), ambiguous: ['a'], consistent: [] },
		{ name: 'a full spread is ambiguous', answers: answersOf({ a: [1, 2, 3] }), ambiguous: ['a'], consistent: [] },
		{ name: 'neighbouring levels are neither', answers: answersOf({ a: [1, 2, 2] }), ambiguous: [], consistent: [] },
		{ name: 'one level throughout is consistent', answers: answersOf({ a: [2, 2, 2], b: [3, null, 3] }), ambiguous: [], consistent: ['a', 'b'] },
		{ name: 'one answer alone says nothing', answers: answersOf({ a: [2, null, null] }), ambiguous: [], consistent: [] }
	])('$name', ({ answers, ambiguous, consistent }) => {
		const result = assess(answers);
		expect(result.ambiguous).toEqual(ambiguous);
		expect(result.consistent).toEqual(consistent);
	});
});

describe('tensions', () => {
	it.each<{ name: string; answers: Answers; fired: string[] }>([
		{ name: 'a gap of exactly one level fires an "any" rule', answers: answersOf({ a: [2, 2], b: [2, 2], c: [3, 3] }), fired: ['c-over-a'] },
		{ name: 'a smaller gap does not', answers: answersOf({ a: [2, 2], b: [2, 2], c: [3, 3, 2] }), fired: [] },
		{ name: 'an "all" rule needs every pair', answers: answersOf({ a: [2, 2], b: [3, 3], c: [3, 3] }), fired: ['c-over-a', 'bc-over-a'] },
		{ name: 'an "all" rule fails when one pair falls short', answers: answersOf({ a: [2, 2], b: [2, 3], c: [3, 3] }), fired: ['c-over-a'] },
		{ name: 'a dimension without a score fires nothing', answers: answersOf({ a: [1, null, null], b: [3, 3], c: [3, 3] }), fired: [] },
		{ name: 'the reverse direction fires nothing', answers: answersOf({ a: [3, 3], b: [1, 1], c: [1, 1] }), fired: [] }
	])('$name', ({ answers, fired }) => {
		expect(assess(answers).tensions.map((t) => t.id)).toEqual(fired);
	});
});

describe("many don't-know answers", () => {
	it.each<{ name: string; answers: Answers; count: number; notable: boolean }>([
		{ name: 'none', answers: answersOf({ a: [1, 1, 1], b: [2, 2, 2], c: [3, 3, 3] }), count: 0, notable: false },
		{ name: '2 of 9 is below a quarter', answers: answersOf({ a: [1, null, 1], b: [2, null, 2], c: [3, 3, 3] }), count: 2, notable: false },
		{ name: '2 of 8 is exactly a quarter', answers: answersOf({ a: [1, null, 1], b: [2, null, 2], c: [3, 3] }), count: 2, notable: true },
		{ name: '3 of 9 is above a quarter', answers: answersOf({ a: [null, null, 1], b: [2, null, 2], c: [3, 3, 3] }), count: 3, notable: true }
	])('$name', ({ answers, count, notable }) => {
		const { dontKnow } = assess(answers);
		expect(dontKnow.count).toBe(count);
		expect(dontKnow.notable).toBe(notable);
	});
});

describe("dimensions with many don't-know answers", () => {
	it.each<{ name: string; answers: Answers; dimensions: string[] }>([
		{ name: 'none', answers: allAt(2), dimensions: [] },
		{ name: '1 of 3 reaches a quarter', answers: allAt(2, { a: [2, 2, null] }), dimensions: ['a'] },
		{ name: '1 of 4 reaches a quarter', answers: allAt(2, { d: [2, 2, 2, null] }), dimensions: ['d'] },
		{ name: 'unanswered questions are not "don\'t know"', answers: allAt(2, { a: [2, 2, undefined] }), dimensions: [] },
		{ name: 'a dimension with only "don\'t know" is listed too', answers: allAt(2, { b: [null, null, null], f: [null, 3, 3] }), dimensions: ['b', 'f'] }
	])('$name', ({ answers, dimensions }) => {
		expect(assessConsistency(fixtureV2, scoreDimensions(fixtureV2, answers)).dontKnow.dimensions).toEqual(dimensions);
	});
});
