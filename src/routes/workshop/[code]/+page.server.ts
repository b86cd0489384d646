import { error } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/join-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const code = normaliseJoinCode(params.code);
	const row = code ? locals.services.sessions.find(code) : undefined;
	if (!row) error(404, { message: `No workshop with the code ${params.code}`, code: 'SESSION_NOT_FOUND' });
	return {
		info: locals.services.sessions.info(row),
		origin: locals.services.publicOrigin(url),
		questionnaire: locals.services.sessions.questionnaireOf(row)
	};
};
