import { sessionByCode } from '$lib/server/session-by-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, getClientAddress }) => {
	const row = await sessionByCode(locals.services, params.code, getClientAddress());
	return {
		info: locals.services.sessions.info(row),
		origin: locals.services.publicOrigin(url),
		questionnaire: locals.services.sessions.questionnaireOf(row)
	};
};
