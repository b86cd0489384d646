import { error } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/join-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
	const code = normaliseJoinCode(params.code);
	const row = code ? locals.services.sessions.find(code) : undefined;
	if (!row) error(404, { message: `No workshop with the code ${params.code}`, code: 'SESSION_NOT_FOUND' });
	const questionnaire = locals.services.questionnaires.get(row.questionnaireId, row.questionnaireVersion);
	if (!questionnaire) error(500, 'The questionnaire of this workshop is not installed.');
	return { info: locals.services.sessions.info(row), questionnaire };
};
