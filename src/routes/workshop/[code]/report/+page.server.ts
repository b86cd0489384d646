import { sessionByCode } from '$lib/server/session-by-code';
import type { PageServerLoad } from './$types';

/** The report's frame: which workshop and questionnaire. Its figures come from the API with the facilitator's key. */
export const load: PageServerLoad = async ({ locals, params, getClientAddress }) => {
	const row = await sessionByCode(locals.services, params.code, getClientAddress());
	return { info: locals.services.sessions.info(row), questionnaire: locals.services.sessions.questionnaireOf(row) };
};
