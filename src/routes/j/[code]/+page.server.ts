import { error } from '@sveltejs/kit';
import { sessionByCode } from '$lib/server/session-by-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, getClientAddress }) => {
	const row = await sessionByCode(locals.services, params.code, getClientAddress());
	const questionnaire = locals.services.questionnaires.get(row.questionnaireId, row.questionnaireVersion);
	if (!questionnaire) error(500, 'The questionnaire of this workshop is not installed.');
	return { info: locals.services.sessions.info(row), questionnaire };
};
