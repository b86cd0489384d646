import { error } from '@sveltejs/kit';
import { forCheck } from '$lib/check/check-questionnaire';
import { decodeAnswers } from '$lib/core/answer-code';
import type { PageServerLoad } from './$types';

/**
 * `?new=1` starts from a clean slate; `?a=<answer code>` (from "change answers" on a result)
 * starts editing those answers, so editing works from a shared link on any device.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const id = url.searchParams.get('q') ?? 'service-maturity';
	const questionnaire = locals.services.questionnaires.get(id, url.searchParams.get('v') ?? undefined);
	if (!questionnaire) error(404, { message: `Unknown questionnaire ${id}`, code: 'NOT_FOUND' });
	const code = url.searchParams.get('a');
	const day = url.searchParams.get('d');
	return {
		questionnaire: forCheck(questionnaire),
		fresh: url.searchParams.get('new') === '1',
		edit: code === null ? undefined : { answers: decodeAnswers(questionnaire, code), day: day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined }
	};
};
