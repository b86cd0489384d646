import { describe, expect, it } from 'vitest';
import { decidePublication, hasChanged, isUnconfirmed, sameAnswers, type PublicationInput, type PublicationDecision } from './publication.js';

describe('sameAnswers and hasChanged', () => {
	it.each([
		[{}, {}, true],
		[{ a: 'x' }, { a: 'x' }, true],
		[{ a: 'x', b: null }, { b: null, a: 'x' }, true],
		[{ a: 'x' }, { a: 'y' }, false],
		[{ a: null }, { a: 'x' }, false],
		[{ a: 'x' }, { a: 'x', b: 'y' }, false],
		[{ a: 'x' }, undefined, false],
		[undefined, undefined, true]
	])('%j vs %j → %s', (a, b, same) => {
		expect(sameAnswers(a, b)).toBe(same);
	});

	it.each([
		[{}, undefined, false], // joined, no answer yet
		[{ a: 'x' }, undefined, true], // a newcomer with an answer
		[{ a: 'x' }, { a: 'x' }, false], // an answer sent again unchanged is no change
		[{ a: 'x' }, { a: 'y' }, true],
		[{ a: 'x', b: 'y' }, { a: 'x' }, true] // one more question answered
	])('live %j, published %j → changed %s', (live, published, changed) => {
		expect(hasChanged(live, published)).toBe(changed);
	});
});

describe('decidePublication', () => {
	const base: PublicationInput = { shownPeople: 5, changedPeople: 0, minGroupSize: 3, unconfirmed: false };
	const cases: [string, Partial<PublicationInput>, PublicationDecision][] = [
		['nothing changed', {}, { publish: false }],
		['first reveal: nothing shown yet', { shownPeople: 0, changedPeople: 3 }, { publish: true }],
		['first reveal, one person only (will be suppressed)', { shownPeople: 0, changedPeople: 1 }, { publish: true }],
		['shown copy below the minimum: nothing to compare', { shownPeople: 2, changedPeople: 1 }, { publish: true }],
		['exactly the minimum changed', { changedPeople: 3 }, { publish: true }],
		['more than the minimum changed', { changedPeople: 4 }, { publish: true }],
		['one change is held', { changedPeople: 1 }, { publish: false, held: { people: 1, reason: 'few-changes' } }],
		['two changes are held', { changedPeople: 2 }, { publish: false, held: { people: 2, reason: 'few-changes' } }],
		['unconfirmed group is held even on first reveal', { shownPeople: 0, changedPeople: 4, unconfirmed: true }, { publish: false, held: { people: 4, reason: 'unconfirmed' } }],
		['unconfirmed group with enough changes is held', { changedPeople: 5, unconfirmed: true }, { publish: false, held: { people: 5, reason: 'unconfirmed' } }],
		['unconfirmed but unchanged: nothing held', { unconfirmed: true }, { publish: false }],
		['minimum of 1: every change publishes', { minGroupSize: 1, changedPeople: 1 }, { publish: true }]
	];
	it.each(cases)('%s', (_name, input, expected) => {
		expect(decidePublication({ ...base, ...input })).toEqual(expected);
	});
});

describe('isUnconfirmed', () => {
	it.each([
		[{ joined: 10, expected: null, confirmedJoined: 0 }, false],
		[{ joined: 4, expected: 4, confirmedJoined: 0 }, false],
		[{ joined: 5, expected: 4, confirmedJoined: 0 }, true],
		[{ joined: 5, expected: 4, confirmedJoined: 5 }, false],
		[{ joined: 6, expected: 4, confirmedJoined: 5 }, true],
		[{ joined: 3, expected: 4, confirmedJoined: 5 }, false]
	])('%j → %s', (group, unconfirmed) => {
		expect(isUnconfirmed(group)).toBe(unconfirmed);
	});
});
