import { describe, expect, it } from 'vitest';
import { agreementProblem, measureProblem, overBudget, rankIdeas, resolveIdea, visibleOutcome, type Outcome } from './outcome.js';
import { monthEnd, monthLabel, monthStart, roadmapStartOf } from './roadmap.js';

describe('measureProblem', () => {
	it.each([
		[{ kind: 'quick-win', startMonth: 1, endMonth: 3 }, undefined],
		[{ kind: 'quick-win', startMonth: 2, endMonth: 2 }, undefined],
		[{ kind: 'quick-win', startMonth: 1, endMonth: 4 }, 'endMonth'],
		[{ kind: 'project', startMonth: 1, endMonth: 12 }, undefined],
		[{ kind: 'project', startMonth: 2, endMonth: 3 }, undefined],
		[{ kind: 'project', startMonth: 5, endMonth: 4 }, 'endMonth'],
		[{ kind: 'project', startMonth: 0, endMonth: 4 }, 'startMonth'],
		[{ kind: 'project', startMonth: 1, endMonth: 13 }, 'endMonth'],
		[{ kind: 'project', startMonth: 1.5, endMonth: 3 }, 'startMonth']
	] as const)('%j → %s', (m, field) => {
		expect(measureProblem(m)?.field).toBe(field);
	});
});

describe('agreementProblem', () => {
	it.each([
		[{ current: 2, target: 3 }, undefined],
		[{ current: 2, target: 2 }, undefined],
		[{ current: 3, target: 2 }, 'target'],
		[{ current: null, target: 1 }, undefined],
		[{ current: 2, target: null }, undefined]
	] as const)('%j → %s', (a, field) => {
		expect(agreementProblem(a)?.field).toBe(field);
	});
});

describe('votes and ideas', () => {
	it('allows repeats up to the budget', () => {
		expect(overBudget(['a', 'a', 'b'], 3)).toBe(false);
		expect(overBudget(['a', 'a', 'a', 'a'], 3)).toBe(true);
		expect(overBudget([], 1)).toBe(false);
	});

	it('ranks by dots, ties in proposal order', () => {
		const ranked = rankIdeas([
			{ id: 'a', votes: 2 },
			{ id: 'b', votes: 5 },
			{ id: 'c', votes: 2 },
			{ id: 'd', votes: null }
		]);
		expect(ranked.map((i) => i.id)).toEqual(['b', 'a', 'c', 'd']);
	});

	it('follows merges to the idea that took over', () => {
		const into: Record<string, string | null> = { a: 'b', b: 'c', c: null };
		expect(resolveIdea('a', (id) => into[id])).toBe('c');
		expect(resolveIdea('c', (id) => into[id])).toBe('c');
		expect(resolveIdea('x', (id) => into[id])).toBe('x');
	});
});

describe('visibleOutcome', () => {
	const outcome: Outcome = {
		roadmapStart: '2026-12',
		agreements: [{ dimensionId: 'a', current: 1, target: 2, note: 'n', version: 3 }],
		ideas: [
			{ id: 'i1', text: 'one', dimensionId: 'a', hidden: false, mergedInto: null, source: 'participant', version: 1, votes: null },
			{ id: 'i2', text: 'two', dimensionId: null, hidden: true, mergedInto: null, source: 'participant', version: 1, votes: null },
			{ id: 'i3', text: 'three', dimensionId: null, hidden: false, mergedInto: 'i1', source: 'participant', version: 2, votes: null }
		],
		measures: [{ id: 'm1', title: 'M', dimensionId: 'a', kind: 'quick-win', startMonth: 1, endMonth: 2, owner: '', metric: '', effort: null, impact: null, status: 'planned', ideaId: null, version: 1 }],
		voting: { closed: false, votesPerPerson: 3, voters: 4 },
		contributors: 2
	};
	const none = { agree: false, ideas: false, vote: false, roadmap: false };

	it('shows nothing before the agree step', () => {
		expect(visibleOutcome(outcome, none)).toBeUndefined();
	});

	it('grows step by step, without versions, hidden or merged ideas', () => {
		const agree = visibleOutcome(outcome, { ...none, agree: true })!;
		expect(Object.keys(agree).sort()).toEqual(['agreements', 'roadmapStart']);
		expect(agree.agreements).toEqual([{ dimensionId: 'a', current: 1, target: 2, note: 'n' }]);
		const ideas = visibleOutcome(outcome, { ...none, agree: true, ideas: true })!;
		expect(ideas.ideas).toEqual([{ id: 'i1', text: 'one', dimensionId: 'a', votes: null }]);
		expect(ideas.merged).toEqual({ i3: 'i1' });
		expect(ideas.voting).toBeUndefined();
		const all = visibleOutcome(outcome, { agree: true, ideas: true, vote: true, roadmap: true })!;
		expect(all.voting).toEqual({ closed: false, votesPerPerson: 3, voters: 4 });
		expect(all.measures?.[0]).not.toHaveProperty('version');
	});
});

describe('roadmap months', () => {
	it.each([
		['2026-11-28T10:00:00Z', '2026-12'],
		['2026-12-01T00:00:00Z', '2027-01'],
		['2027-01-31T23:59:00Z', '2027-02']
	])('a workshop on %s starts its roadmap in %s', (date, start) => {
		expect(roadmapStartOf(new Date(date))).toBe(start);
	});

	it('numbers months from the start, across the year', () => {
		expect(monthStart('2026-12', 1).toISOString()).toBe('2026-12-01T00:00:00.000Z');
		expect(monthStart('2026-12', 12).toISOString()).toBe('2027-11-01T00:00:00.000Z');
		expect(monthEnd('2026-12', 3).toISOString()).toBe('2027-02-28T00:00:00.000Z');
		expect(monthLabel('2026-12', 2, 'de-DE', 'long')).toBe('Januar 2027');
		expect(monthLabel('2026-12', 2, 'en-GB', 'long')).toBe('January 2027');
	});
});
