import { describe, expect, it } from 'vitest';
import { aggregate, type GroupRole, type Respondent, type ShownGroup } from './aggregation.js';
import { answersOf, fixture } from './questionnaire.fixture.js';
import { answersV2, fixtureV2 } from './questionnaire.fixture-v2.js';

type Spec = Parameters<typeof answersOf>[0];
const people = (groupId: string, ...specs: Spec[]): Respondent[] => specs.map((s) => ({ groupId, answers: answersOf(s) }));
const groups: { id: string; role: GroupRole }[] = [
	{ id: 'lead', role: 'leadership' },
	{ id: 'team', role: 'team' },
	{ id: 'other', role: 'other' }
];
// Details (spread, distributions) at the same size as the means unless a test says otherwise.
const run = (respondents: Respondent[], minGroupSize = 3, detailMinSize = minGroupSize) =>
	aggregate({ questionnaire: fixture, groups, respondents, minGroupSize, detailMinSize });
const shown = (r: ReturnType<typeof run>, id: string) => r.groups[id] as ShownGroup;

describe('group figures per dimension', () => {
	it.each([
		{ name: 'each person weighs the same; a wide spread is split', specs: [{ a: [1, 1, 1] }, { a: [3, 3] }, { a: [2, 2, 2] }] as Spec[], expected: { n: 3, mean: 2, index: 50, level: 2, dontKnowShare: 0, ad: 0.67, split: true } },
		{ name: 'a narrow spread is a common view', specs: [{ a: [2, 2] }, { a: [2, 3] }, { a: [2, 2] }] as Spec[], expected: { n: 3, mean: 2.17, index: 58, level: 2, dontKnowShare: 0, ad: 0.22, split: false } },
		{ name: 'AD of exactly 0.5 is split', specs: [{ a: [1, 2] }, { a: [2, 3] }, { a: [1, 2] }, { a: [2, 3] }] as Spec[], expected: { n: 4, mean: 2, index: 50, level: 2, dontKnowShare: 0, ad: 0.5, split: true } },
		{ name: 'all agree on strategic', specs: [{ a: [3, 3, 3] }, { a: [3, 3] }, { a: [3, 3, null] }] as Spec[], expected: { n: 3, mean: 3, index: 100, level: 3, dontKnowShare: 0.13, ad: 0, split: false } }
	])('$name', ({ specs, expected }) => {
		expect(shown(run(people('lead', ...specs)), 'lead').dimensions.a).toEqual(expected);
	});

	it('leaves out a dimension scored by fewer people than the minimum, even in a shown group', () => {
		const r = run(people('lead', { a: [1, 1], b: [2, 2] }, { a: [1, 1], b: [2, null, null] }, { a: [1, 1], b: [3, 3] }));
		expect(shown(r, 'lead').n).toBe(3);
		expect(shown(r, 'lead').dimensions.a?.n).toBe(3);
		expect(shown(r, 'lead').dimensions.b).toBeUndefined();
	});

	it('counts only people with at least one answer', () => {
		const r = run([...people('lead', { a: [2, 2] }, { a: [2, 2] }, { a: [2, 2] }), { groupId: 'lead', answers: {} }]);
		expect(shown(r, 'lead').n).toBe(3);
	});
});

describe('suppression of small groups', () => {
	const respondents = [...people('lead', { a: [1, 1] }, { a: [1, 1] }, { a: [1, 2] }), ...people('team', { a: [3, 3] }, { a: [3, 3] })];

	it('gives a group below the minimum no figures, only how many are missing', () => {
		expect(run(respondents).groups.team).toEqual({ suppressed: true, n: 2, needed: 1 });
		expect(run(respondents).groups.other).toEqual({ suppressed: true, n: 0, needed: 3 });
	});

	it('leaves suppressed groups out of everyone, so nothing can be derived by subtraction', () => {
		const r = run(respondents);
		expect(r.everyone.dimensions).toEqual(shown(r, 'lead').dimensions);
		expect(r.everyone.n).toBe(3);
		expect(JSON.stringify(r)).not.toContain('"team":{"n":2,"dimensions"');
		expect(Object.values(r.questions).every((byGroup) => !('team' in byGroup))).toBe(true);
		expect(r.gaps).toEqual([]);
	});

	it('shows the group once it reaches the minimum, which may be lowered to 1', () => {
		expect(run(respondents, 2).groups.team?.suppressed).toBe(false);
		expect(run(respondents, 1).groups.team?.suppressed).toBe(false);
	});
});

describe('gaps between groups', () => {
	const three = (g: string, levels: (1 | 2 | 3)[]) => people(g, ...levels.map((l) => ({ a: [l, l] })));
	it.each([
		{ name: 'a full level apart is major', lead: [3, 3, 3], team: [2, 2, 2], gap: { delta: 1, notable: true, major: true, hint: false, muted: false, highGroupId: 'lead', lowGroupId: 'team' } },
		{ name: 'half a level is notable', lead: [2, 2, 3], team: [2, 2, 1], gap: { delta: 0.67, notable: true, major: false, hint: false, muted: false, highGroupId: 'lead', lowGroupId: 'team' } },
		{ name: 'exactly 0.5 is notable; leadership is split (AD 0.5), so the gap is muted', lead: [2, 2, 2, 3, 3, 3], team: [2, 2, 2, 2, 2, 2], gap: { delta: 0.5, notable: true, major: false, hint: false, muted: true, highGroupId: 'lead', lowGroupId: 'team' } },
		{ name: 'a third of a level is not', lead: [2, 2, 3], team: [2, 2, 2], gap: { delta: 0.33, notable: false, major: false, hint: false, muted: false, highGroupId: 'lead', lowGroupId: 'team' } }
	] as const)('$name', ({ lead, team, gap }) => {
		const r = run([...three('lead', [...lead]), ...three('team', [...team])]);
		expect(r.gaps).toEqual([{ dimensionId: 'a', ...gap }]);
	});

	it.each([
		{ name: 'leadership above the team: possible blind spot', lead: 3 as const, team: 2 as const, pairs: [{ dimensionId: 'a', leadershipGroupId: 'lead', teamGroupId: 'team', delta: 1, kind: 'blind-spot', hint: false }] },
		{ name: 'leadership below the team: hidden strength', lead: 1 as const, team: 2 as const, pairs: [{ dimensionId: 'a', leadershipGroupId: 'lead', teamGroupId: 'team', delta: -1, kind: 'hidden-strength', hint: false }] },
		{ name: 'close views: no direction to report', lead: 2 as const, team: 2 as const, pairs: [] }
	])('$name', ({ lead, team, pairs }) => {
		const r = run([...three('lead', [lead, lead, lead]), ...three('team', [team, team, team]), ...three('other', [3, 3, 3])]);
		expect(r.pairs).toEqual(pairs);
	});

	it('takes the roles from the session, not from group names', () => {
		const swapped = aggregate({
			questionnaire: fixture,
			groups: [
				{ id: 'lead', role: 'team' },
				{ id: 'team', role: 'leadership' }
			],
			respondents: [...three('lead', [3, 3, 3]), ...three('team', [2, 2, 2])],
			minGroupSize: 3,
			detailMinSize: 3
		});
		expect(swapped.pairs[0]).toMatchObject({ leadershipGroupId: 'team', teamGroupId: 'lead', kind: 'hidden-strength' });
	});
});

describe('discussion agenda', () => {
	it('orders by gap, then by spread, then by low level', () => {
		const r = run([
			...people('lead', { a: [3, 3], b: [2, 2], c: [1, 1] }, { a: [3, 3], b: [3, 3], c: [1, 1] }, { a: [3, 3], b: [1, 1], c: [1, 1] }),
			...people('team', { a: [1, 1], b: [2, 2], c: [1, 1] }, { a: [1, 1], b: [2, 2], c: [1, 1] }, { a: [1, 1], b: [2, 2], c: [1, 1] })
		]);
		expect(r.agenda.map((x) => x.dimensionId)).toEqual(['a', 'b', 'c']);
		expect(r.agenda[0]).toMatchObject({ gap: 2 });
		expect(r.agenda[1]).toMatchObject({ gap: 0, spread: 0.67 });
		expect(r.agenda[2]).toMatchObject({ gap: 0, spread: 0, mean: 1 });
	});

	it('never ranks a dimension without data as "no gap": it has no gap and goes last', () => {
		// Only lead scores b; a has figures in both groups and no gap at all.
		const r = run([
			...people('lead', { a: [2, 2], b: [1, 1] }, { a: [2, 2], b: [1, 1] }, { a: [2, 2], b: [1, 1] }),
			...people('team', { a: [2, 2] }, { a: [2, 2] }, { a: [2, 2] })
		]);
		expect(r.agenda.map((x) => [x.dimensionId, x.gap])).toEqual([['a', 0], ['b', null], ['c', null]]);
		expect(r.agenda.find((x) => x.dimensionId === 'c')).toEqual({ dimensionId: 'c', gap: null, spread: null });
	});
});

describe('details need more people than means', () => {
	const trio = people('lead', { a: [1, 1] }, { a: [2, 2] }, { a: [3, 3] });
	const five = people('team', { a: [1, 1] }, { a: [2, 2] }, { a: [3, 3] }, { a: [3, 3] }, { a: [3, 3] });

	it('a group of three shows its mean, but no spread, no split and no distributions', () => {
		const r = run([...trio, ...five], 3, 5);
		expect(shown(r, 'lead').dimensions.a).toEqual({ n: 3, mean: 2, index: 50, level: 2, dontKnowShare: 0 });
		expect(r.questions.a1?.lead).toBeUndefined();
		expect(r.detailMinSize).toBe(5);
	});

	it('a group of five shows everything', () => {
		const r = run([...trio, ...five], 3, 5);
		expect(shown(r, 'team').dimensions.a).toMatchObject({ n: 5, ad: expect.any(Number), split: true });
		expect(r.questions.a1?.team?.n).toBe(5);
	});

	it('the agenda spread comes only from groups that show one', () => {
		const r = run([...trio, ...five], 3, 5);
		expect(r.agenda.find((x) => x.dimensionId === 'a')?.spread).toBe(shown(r, 'team').dimensions.a?.ad);
	});

	it('the detail minimum never falls below the group minimum', () => {
		expect(run([...trio], 4, 2).detailMinSize).toBe(4);
	});
});

describe('per-question distribution', () => {
	it('counts options and "don\'t know" per shown group', () => {
		const r = run(people('lead', { a: [1, 2] }, { a: [1, 2, null] }, { a: [3, 3] }));
		expect(r.questions.a1?.lead).toEqual({ n: 3, dontKnow: 0, options: { 'a1.1': 2, 'a1.2': 0, 'a1.3': 1 } });
		// Only two people answered a3: below the minimum, so not shown.
		expect(r.questions.a3).toBeUndefined();
	});

	it("shows no question of a dimension whose group figure is withheld", () => {
		// Three answered b1, but only one has enough answers in b for a score: b is withheld, so are its bars.
		const r = run(people('lead', { a: [2, 2], b: [1, 1] }, { a: [2, 2], b: [2] }, { a: [2, 2], b: [3] }));
		expect(shown(r, 'lead').dimensions.b).toBeUndefined();
		expect(r.questions.b1).toBeUndefined();
		expect(r.questions.a1?.lead?.n).toBe(3);
	});
});

describe('no subtraction through "everyone" within shown groups', () => {
	it('leaves out people whose group figure for a dimension is held back', () => {
		// lead: 3 people score a; team: 3 people, but only 1 scores a (the others answered b only).
		const r = run([
			...people('lead', { a: [3, 3] }, { a: [3, 3] }, { a: [3, 3] }),
			...people('team', { a: [1, 1], b: [2, 2] }, { b: [2, 2] }, { b: [2, 2] })
		]);
		expect(shown(r, 'team').dimensions.a).toBeUndefined();
		// If the lone team member counted here, everyone − lead would reveal their score of 1.
		expect(r.everyone.dimensions.a).toEqual(shown(r, 'lead').dimensions.a);
		expect(r.everyone.dimensions.b?.n).toBe(3);
	});
});

describe('format 2 (v2 fixture)', () => {
	type SpecV2 = Parameters<typeof answersV2>[0];
	const peopleV2 = (groupId: string, ...specs: SpecV2[]): Respondent[] => specs.map((s) => ({ groupId, answers: answersV2(s) }));
	const runV2 = (respondents: Respondent[], minGroupSize = 3, detailMinSize = 5) =>
		aggregate({ questionnaire: fixtureV2, groups, respondents, minGroupSize, detailMinSize });
	/** Each person answers every question of dimension a at the level given. */
	const flat = (g: string, levels: (1 | 2 | 3)[]) => peopleV2(g, ...levels.map((l) => ({ a: [l, l, l] as (1 | 2 | 3)[] })));

	describe('a gap is notable only with five people a side or beyond twice its standard error', () => {
		it.each([
			{
				name: 'three unanimous against three unanimous, a level apart: SE 0, so notable and major',
				lead: [3, 3, 3],
				team: [2, 2, 2],
				gap: { delta: 1, notable: true, major: true, hint: false }
			},
			{
				name: '3, 3, 2 against 2, 2, 2: 0.67 is not beyond 2 × SE (0.67), so a hint',
				lead: [3, 3, 2],
				team: [2, 2, 2],
				gap: { delta: 0.67, notable: false, major: false, hint: true }
			},
			{
				name: '3, 3, 1 against 2, 2, 2: 0.33 is below the notable size, neither',
				lead: [3, 3, 1],
				team: [2, 2, 2],
				gap: { delta: 0.33, notable: false, major: false, hint: false }
			},
			{
				name: 'five a side: 3, 3, 3, 2, 2 against 2, 2, 2, 2, 2 is notable by size (0.6)',
				lead: [3, 3, 3, 2, 2],
				team: [2, 2, 2, 2, 2],
				gap: { delta: 0.6, notable: true, major: false, hint: false }
			},
			{
				name: 'five against four: 3, 3, 3, 1, 1 against 1, 1, 1, 1 (1.2 vs 2 × 0.49): notable and major',
				lead: [3, 3, 3, 1, 1],
				team: [1, 1, 1, 1],
				gap: { delta: 1.2, notable: true, major: true, hint: false }
			},
			{
				name: 'five against four: 3, 3, 1, 1, 2 against 1, 1, 1, 2 (0.75 vs 2 × 0.51): a hint',
				lead: [3, 3, 1, 1, 2],
				team: [1, 1, 1, 2],
				gap: { delta: 0.75, notable: false, major: false, hint: true }
			}
		] as const)('$name', ({ lead, team, gap }) => {
			const r = runV2([...flat('lead', [...lead]), ...flat('team', [...team])]);
			expect(r.gaps.find((g) => g.dimensionId === 'a')).toMatchObject({ ...gap, highGroupId: 'lead', lowGroupId: 'team' });
		});

		it('a blind spot between small groups that chance could explain is a hint too', () => {
			const r = runV2([...flat('lead', [3, 3, 2]), ...flat('team', [2, 2, 2])]);
			expect(r.pairs).toEqual([{ dimensionId: 'a', leadershipGroupId: 'lead', teamGroupId: 'team', delta: 0.67, kind: 'blind-spot', hint: true }]);
		});

		it('1.x keeps calling the same gap notable', () => {
			const r = run([...people('lead', { a: [3, 3] }, { a: [3, 3] }, { a: [2, 2] }), ...people('team', { a: [2, 2] }, { a: [2, 2] }, { a: [2, 2] })]);
			expect(r.gaps[0]).toMatchObject({ delta: 0.67, notable: true, hint: false });
		});
	});

	describe('split is AD_M(J): per-question spread averaged over the dimension', () => {
		// Every person averages 2, but per question the group is far apart: (0.8 + 0.8 + 0) / 3 = 0.53.
		const fivePeople = peopleV2('lead', { a: [1, 3, 2] }, { a: [3, 1, 2] }, { a: [2, 2, 2] }, { a: [1, 3, 2] }, { a: [3, 1, 2] });

		it('finds the split that person means hide', () => {
			expect(shown(runV2(fivePeople), 'lead').dimensions.a).toMatchObject({ n: 5, mean: 2, ad: 0.53, split: true });
		});

		it('1.x averages person means: AD 0, not split', () => {
			const v1 = people('lead', { a: [1, 3, 2] }, { a: [3, 1, 2] }, { a: [2, 2, 2] }, { a: [1, 3, 2] }, { a: [3, 1, 2] });
			expect(shown(run(v1, 3, 5), 'lead').dimensions.a).toMatchObject({ n: 5, mean: 2, ad: 0, split: false });
		});

		it('stays a detail: no spread in a group below detailMinSize', () => {
			const r = runV2(fivePeople.slice(0, 4));
			expect(shown(r, 'lead').dimensions.a).toEqual({ n: 4, mean: 2, index: 50, level: 2, dontKnowShare: 0 });
		});

		it('leaves out questions fewer than two people answered', () => {
			// a3 has one answer: (AD of a1 [1, 3, 1, 3, 2] = 0.8 + AD of a2 [2, 2, 2, 2, 2] = 0) / 2 = 0.4.
			const r = runV2(peopleV2('lead', { a: [1, 2, 3] }, { a: [3, 2] }, { a: [1, 2] }, { a: [3, 2] }, { a: [2, 2] }));
			expect(shown(r, 'lead').dimensions.a).toMatchObject({ ad: 0.4, split: false });
		});

		it('mutes the gap of a split group', () => {
			const r = runV2([...fivePeople, ...flat('team', [3, 3, 3, 3, 3])]);
			expect(r.gaps.find((g) => g.dimensionId === 'a')).toMatchObject({ delta: 1, notable: true, muted: true });
		});
	});

	describe('"don\'t know" share per group and dimension', () => {
		it('counts every member, also one without a score there: 4 of 12 answers', () => {
			const r = runV2(peopleV2('lead', { a: [2, 2, null] }, { a: [2, 2, 2] }, { a: [2, 2, 2] }, { a: [null, null, null] }));
			expect(shown(r, 'lead').dimensions.a).toEqual({ n: 3, mean: 2, index: 50, level: 2, dontKnowShare: 0.33 });
		});

		it('is shown at the normal minimum, without the details', () => {
			// 2 of 9 answers; three people are below detailMinSize (5), so no spread.
			const r = runV2(peopleV2('lead', { a: [2, 2, null] }, { a: [2, null, 2] }, { a: [2, 2, 2] }));
			expect(shown(r, 'lead').dimensions.a).toEqual({ n: 3, mean: 2, index: 50, level: 2, dontKnowShare: 0.22 });
		});
	});

	describe('levels of group figures', () => {
		it('a group mean exactly on a boundary is a transition', () => {
			const r = runV2(peopleV2('lead', { a: [1, 1, 1] }, { a: [2, 2, 2] }, { a: [1, 2] }));
			expect(shown(r, 'lead').dimensions.a).toMatchObject({ mean: 1.5, level: 1, transition: [1, 2] });
		});

		it('an overall from one of six dimensions is provisional', () => {
			const r = runV2(flat('lead', [2, 2, 2]));
			expect(shown(r, 'lead').overall).toEqual({
				mean: 2,
				index: 50,
				level: 2,
				provisional: { reason: 'few-dimensions', scored: 1, required: 5, unscored: ['b', 'c', 'd', 'e', 'f'] }
			});
		});

		it('an overall from all six dimensions is stated', () => {
			const all = (l: 1 | 2 | 3) => ({ a: [l, l, l], b: [l, l, l], c: [l, l, l], d: [l, l, l, l], e: [l, l, l], f: [l, l, l] }) as SpecV2;
			const r = runV2(peopleV2('lead', all(2), all(2), all(3)));
			expect(shown(r, 'lead').overall).toEqual({ mean: 2.33, index: 67, level: 2 });
		});
	});
});
