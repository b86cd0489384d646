import { describe, expect, it } from 'vitest';
import { decodeAnswers, encodeAnswers } from './answer-code.js';
import { answersOf, fixture } from './questionnaire.fixture.js';

describe('answer code', () => {
	it.each([
		{ name: 'all answered', answers: answersOf({ a: [1, 2, 3], b: [3, 3, 3], c: [1, 1, 2] }), code: '123333112' },
		{ name: "don't know and gaps", answers: answersOf({ a: [null, 2], c: [undefined, 3, null] }), code: '02----' + '-30' },
		{ name: 'nothing', answers: {}, code: '---------' }
	])('$name round-trips as $code', ({ answers, code }) => {
		expect(encodeAnswers(fixture, answers)).toBe(code);
		expect(decodeAnswers(fixture, code)).toEqual(answers);
	});

	it('ignores characters that do not fit', () => {
		expect(decodeAnswers(fixture, '9x<0')).toEqual({ b1: null });
	});

	it('ignores a code longer than the questionnaire', () => {
		expect(Object.keys(decodeAnswers(fixture, '1111111111111'))).toHaveLength(9);
	});
});
