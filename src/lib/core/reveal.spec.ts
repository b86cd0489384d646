import { describe, expect, it } from 'vitest';
import { aggregate, type Respondent } from './aggregation.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { revealSequence, visibleAt, type Reveal } from './reveal.js';

const respondents: Respondent[] = [
	...[1, 2, 3].map(() => ({ groupId: 'lead', answers: answersOf({ a: [3, 3], b: [3, 3], c: [2, 2] }) })),
	...[1, 2, 3].map(() => ({ groupId: 'team', answers: answersOf({ a: [1, 1], b: [2, 2], c: [2, 2] }) })),
	{ groupId: 'other', answers: answersOf({ a: [2, 2] }) }
];
const agg = {
	held: {},
	...aggregate({
	questionnaire: fixture,
	groups: [
		{ id: 'lead', role: 'leadership' },
		{ id: 'team', role: 'team' },
		{ id: 'other', role: 'other' }
	],
	respondents,
	minGroupSize: 3,
	detailMinSize: 3
})
};

describe('what phones may see at each reveal step', () => {
	it.each<{ reveal: Reveal; keys: string[]; dims: boolean; questions?: string[] }>([
		{ reveal: { step: 'overall' }, keys: ['detailMinSize', 'everyone', 'groups', 'held', 'minGroupSize'], dims: false },
		{ reveal: { step: 'groups' }, keys: ['detailMinSize', 'everyone', 'groups', 'held', 'minGroupSize'], dims: true },
		{ reveal: { step: 'gaps' }, keys: ['detailMinSize', 'everyone', 'gaps', 'groups', 'held', 'minGroupSize', 'pairs'], dims: true },
		{ reveal: { step: 'agenda' }, keys: ['agenda', 'detailMinSize', 'everyone', 'gaps', 'groups', 'held', 'minGroupSize', 'pairs'], dims: true },
		{ reveal: { step: 'deep-dive', dimensionId: 'b' }, keys: ['agenda', 'detailMinSize', 'everyone', 'gaps', 'groups', 'held', 'minGroupSize', 'pairs', 'questions'], dims: true, questions: ['b1', 'b2'] }
	])('$reveal.step $reveal.dimensionId', ({ reveal, keys, dims, questions }) => {
		const v = visibleAt(agg, reveal, fixture)!;
		expect(Object.keys(v).sort()).toEqual(keys);
		expect('dimensions' in v.groups.lead!).toBe(dims);
		expect(v.groups.other).toEqual({ suppressed: true, n: 1, needed: 2 });
		if (questions) expect(Object.keys(v.questions ?? {}).sort()).toEqual(questions);
	});

	it('shows nothing while results are hidden', () => {
		expect(visibleAt(agg, { step: 'hidden' }, fixture)).toBeUndefined();
	});

	it('walks the diagnosis, a deep dive and an agreement per dimension, then the outcome steps', () => {
		expect(revealSequence(['c', 'a'])).toEqual([
			{ step: 'hidden' },
			{ step: 'overall' },
			{ step: 'groups' },
			{ step: 'gaps' },
			{ step: 'agenda' },
			{ step: 'deep-dive', dimensionId: 'c' },
			{ step: 'deep-dive', dimensionId: 'a' },
			{ step: 'agree', dimensionId: 'c' },
			{ step: 'agree', dimensionId: 'a' },
			{ step: 'ideas' },
			{ step: 'vote' },
			{ step: 'roadmap' },
			{ step: 'summary' }
		]);
	});

	it('outcome steps keep everything the diagnosis showed, but no per-question bars', () => {
		for (const step of ['agree', 'ideas', 'vote', 'roadmap', 'summary'] as const) {
			const v = visibleAt(agg, { step }, fixture)!;
			expect(v.agenda).toEqual(agg.agenda);
			expect(v.groups.lead?.dimensions).toBeDefined();
			expect(v.questions).toBeUndefined();
		}
	});
});
