import { describe, expect, it } from 'vitest';
import { aggregate } from './aggregation.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { activeMeasures, biggestGaps, completeOutcome, completeView, groupsWithoutDetails, measuresInOrder, totalPeople } from './report.js';
import { visibleAt } from './reveal.js';

const people = (groupId: string, n: number, spec: Parameters<typeof answersOf>[0]) => Array.from({ length: n }, () => ({ groupId, answers: answersOf(spec) }));
const published = {
	held: { team: { people: 1, reason: 'few-changes' as const } },
	...aggregate({
		questionnaire: fixture,
		groups: [
			{ id: 'lead', role: 'leadership' },
			{ id: 'team', role: 'team' },
			{ id: 'other', role: 'other' }
		],
		respondents: [...people('lead', 5, { a: [3, 3, 3], b: [3, 3, 2], c: [2, 2, 2] }), ...people('team', 3, { a: [1, 1, 1], b: [2, 2, 2], c: [2, 2, 1] }), ...people('other', 2, { a: [2, 2, 2] })],
		minGroupSize: 3,
		detailMinSize: 5
	})
};

describe('the data every export formats', () => {
	it('is the agenda step plus every deep dive: what the room saw once everything was shown', () => {
		const view = completeView(published, fixture);
		expect(view).toEqual({ ...visibleAt(published, { step: 'agenda' }, fixture), questions: published.questions });
		expect(Object.keys(view.questions ?? {}).sort()).toEqual(fixture.questions.map((q) => q.id).sort());
		expect(view.groups.other).toEqual({ suppressed: true, n: 2, needed: 1 });
		// Only the five leaders show distributions; the three in the team are below the detail size.
		expect(Object.values(view.questions ?? {}).every((byGroup) => Object.keys(byGroup).join() === 'lead')).toBe(true);
		expect(groupsWithoutDetails(view)).toEqual(['team']);
		expect(totalPeople(view)).toBe(10);
	});

	it('ranks gaps by size and keeps at most the number asked for', () => {
		const gaps = biggestGaps(completeView(published, fixture), 2);
		expect(gaps.map((g) => g.dimensionId)).toEqual(['a', 'b']);
		expect(gaps[0]!.delta).toBeGreaterThanOrEqual(gaps[1]!.delta);
		expect(biggestGaps(undefined, 3)).toEqual([]);
	});

	it('takes the whole outcome, and leaves dropped measures out of task tools only', () => {
		const m = (title: string, startMonth: number, endMonth: number, status: 'planned' | 'dropped' = 'planned') => ({
			id: title, title, dimensionId: 'a', kind: 'project' as const, startMonth, endMonth, owner: '', metric: '', effort: null, impact: null, status, ideaId: null
		});
		const outcome = completeOutcome({ roadmapStart: '2027-01', agreements: [], measures: [m('late', 4, 6), m('gone', 1, 2, 'dropped'), m('early', 1, 3), m('also early', 1, 3)] });
		expect(outcome.ideas).toEqual([]);
		expect(measuresInOrder(outcome.measures).map((x) => x.title)).toEqual(['gone', 'also early', 'early', 'late']);
		expect(activeMeasures(outcome).map((x) => x.title)).toEqual(['late', 'early', 'also early']);
	});
});
