import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregate, type GroupRole } from './aggregation.js';
import { decodeAnswers } from './answer-code.js';
import { computeCheckResult } from './check-result.js';
import type { Questionnaire } from './questionnaire.schema.js';

/**
 * Version 1.0.0 keeps its results exactly: a shared result link and a stored workshop must show
 * the same numbers after the format-2 rules arrived. The expected outputs in the fixture were
 * written by the code as it was before those rules (commit c27f6ad), for answer sets chosen to hit
 * the new rules: exact 1.5/2.5 means, an unscored weakest dimension, groups of 1–8 people.
 * Only fields added since are removed before comparing, and each is named here.
 */
const root = resolve(import.meta.dirname, '../../..');
const q = JSON.parse(readFileSync(resolve(root, 'questionnaires/service-maturity-1.0.0.json'), 'utf8')) as Questionnaire;
type Golden = {
	solo: { code: string; result: unknown }[];
	workshops: { minGroupSize: number; detailMinSize: number; respondents: { groupId: string; code: string }[]; expected: unknown }[];
};
const golden = JSON.parse(readFileSync(resolve(import.meta.dirname, 'fixtures/results-1.0.0.golden.json'), 'utf8')) as Golden;

/** Fields added after 1.0.0 was published: additive only, never a changed number. */
const ADDED = new Set(['profile', 'contradictions', 'triggered', 'patterns', 'dontKnowShare', 'hint', 'muted']);
const ADDED_IN = { dontKnow: new Set(['dimensions']) } as Record<string, Set<string>>;

function withoutAdded(value: unknown, parent?: string): unknown {
	if (Array.isArray(value)) return value.map((v) => withoutAdded(v));
	if (!value || typeof value !== 'object') return value;
	return Object.fromEntries(
		Object.entries(value)
			.filter(([k]) => !ADDED.has(k) && !ADDED_IN[parent ?? '']?.has(k))
			.map(([k, v]) => [k, withoutAdded(v, k)])
	);
}

describe('1.0.0 share links give the same result as before format 2', () => {
	it.each(golden.solo.map((s, i) => ({ i, ...s })))('answer code $code', ({ code, result }) => {
		const r = computeCheckResult(q, decodeAnswers(q, code));
		const comparable = {
			...r,
			consistency: { ...r.consistency, tensions: r.consistency.tensions.map((t) => t.id) },
			top: r.top.map((x) => x.id),
			byDimension: Object.fromEntries(Object.entries(r.byDimension).map(([k, v]) => [k, v?.id ?? null]))
		};
		expect(withoutAdded(comparable)).toEqual(result);
		// The format-2 rules stay off: no transitions, no provisional overall, no triggered recommendations.
		expect(JSON.stringify(r)).not.toMatch(/"transition"|"provisional"/);
		expect(r.triggered).toEqual([]);
		expect(r.contradictions).toEqual([]);
	});

	it('covers the cases the new rules would change', () => {
		const results = golden.solo.map((s) => computeCheckResult(q, decodeAnswers(q, s.code)));
		// An exact boundary mean, and a strategic overall with an unscored dimension (no cap, no flag).
		expect(results.some((r) => r.dimensions.some((d) => d.score?.mean === 1.5 || d.score?.mean === 2.5))).toBe(true);
		expect(results.some((r) => r.overall?.level === 3 && r.dimensions.some((d) => !d.score))).toBe(true);
	});
});

describe('1.0.0 workshops give the same figures as before format 2', () => {
	const groups: { id: string; role: GroupRole }[] = [
		{ id: 'lead', role: 'leadership' },
		{ id: 'team', role: 'team' },
		{ id: 'other', role: 'other' }
	];
	it.each(golden.workshops.map((w, i) => ({ i, ...w })))('workshop $i', ({ minGroupSize, detailMinSize, respondents, expected }) => {
		const result = aggregate({
			questionnaire: q,
			groups,
			respondents: respondents.map((r) => ({ groupId: r.groupId, answers: decodeAnswers(q, r.code) })),
			minGroupSize,
			detailMinSize
		});
		expect(withoutAdded(result)).toEqual(expected);
		expect(result.gaps.every((g) => !g.hint) && result.pairs.every((p) => !p.hint)).toBe(true);
		expect(JSON.stringify(result)).not.toMatch(/"transition"|"provisional"/);
	});

	it('covers small groups with notable gaps, which format 2 would call hints', () => {
		const notableInSmall = golden.workshops.some((w) => {
			const e = w.expected as { gaps: { notable: boolean; highGroupId: string; lowGroupId: string }[]; groups: Record<string, { n: number }> };
			return e.gaps.some((g) => g.notable && Math.min(e.groups[g.highGroupId]!.n, e.groups[g.lowGroupId]!.n) < 5);
		});
		expect(notableInSmall).toBe(true);
	});
});
