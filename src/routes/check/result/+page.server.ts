import { error } from '@sveltejs/kit';
import { forResult } from '$lib/check/check-questionnaire';
import { decodeAnswers } from '$lib/core/answer-code';
import type { PageServerLoad } from './$types';

/** A real day such as 2026-11-27 (not 2026-13-45, which would pass a pattern check). */
function isCalendarDate(value: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const parsed = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** The result is a pure function of its address: questionnaire, version, answer code and date. */
export const load: PageServerLoad = ({ locals, url }) => {
	const id = url.searchParams.get('q') ?? 'service-maturity';
	const version = url.searchParams.get('v') ?? undefined;
	const questionnaire = locals.services.questionnaires.get(id, version);
	if (!questionnaire) error(404, { message: `Unknown questionnaire ${id}${version ? `@${version}` : ''}`, code: 'NOT_FOUND' });
	const date = url.searchParams.get('d') ?? '';
	return {
		questionnaire: forResult(questionnaire),
		answers: decodeAnswers(questionnaire, url.searchParams.get('a') ?? ''),
		date: isCalendarDate(date) ? date : new Date().toISOString().slice(0, 10)
	};
};
