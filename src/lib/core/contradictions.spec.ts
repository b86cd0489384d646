import { describe, expect, it } from 'vitest';
import type { Answers } from './answers.js';
import { contradictionHolds, contradictionsIn } from './contradictions.js';
import { fixture } from './questionnaire.fixture.js';
import type { Contradiction } from './questionnaire.schema.js';

const text = { de: 't', en: 't' };
const rule: Contradiction = {
	id: 'a-high-b-low',
	severity: 'contradiction',
	when: [
		{ question: 'a1', options: ['a1.3'] },
		{ question: 'b1', options: ['b1.1', 'b1.2'] }
	],
	title: text,
	text
};

describe('contradictionHolds', () => {
	it.each<{ name: string; answers: Answers; holds: boolean }>([
		{ name: 'every condition met', answers: { a1: 'a1.3', b1: 'b1.1' }, holds: true },
		{ name: 'any listed option counts', answers: { a1: 'a1.3', b1: 'b1.2' }, holds: true },
		{ name: 'one condition not met', answers: { a1: 'a1.3', b1: 'b1.3' }, holds: false },
		{ name: '"don\'t know" never meets a condition', answers: { a1: 'a1.3', b1: null }, holds: false },
		{ name: 'an unanswered question never meets a condition', answers: { a1: 'a1.3' }, holds: false },
		{ name: 'answers elsewhere do not matter', answers: { a1: 'a1.3', b1: 'b1.1', c1: 'c1.2' }, holds: true }
	])('$name', ({ answers, holds }) => expect(contradictionHolds(rule, answers)).toBe(holds));
});

describe('contradictionsIn', () => {
	it('lists the rules that hold, in file order', () => {
		const other: Contradiction = { ...rule, id: 'c-any', when: [{ question: 'c1', options: ['c1.1'] }, { question: 'c2', options: ['c2.1'] }] };
		const q = { ...fixture, contradictions: [other, rule] };
		expect(contradictionsIn(q, { a1: 'a1.3', b1: 'b1.1', c1: 'c1.1', c2: 'c2.1' }).map((c) => c.id)).toEqual(['c-any', 'a-high-b-low']);
		expect(contradictionsIn(q, { a1: 'a1.3', b1: 'b1.1' }).map((c) => c.id)).toEqual(['a-high-b-low']);
	});

	it('finds none in a file without rules', () => expect(contradictionsIn(fixture, { a1: 'a1.3', b1: 'b1.1' })).toEqual([]));
});
