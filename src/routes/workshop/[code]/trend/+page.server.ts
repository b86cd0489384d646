import { sessionByCode } from '$lib/server/session-by-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, getClientAddress }) => {
	const row = await sessionByCode(locals.services, params.code, getClientAddress());
	return { info: locals.services.sessions.info(row), questionnaire: locals.services.sessions.questionnaireOf(row) };
};
