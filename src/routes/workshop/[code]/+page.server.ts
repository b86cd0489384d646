import { sessionByCode } from '$lib/server/session-by-code';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, getClientAddress }) => {
	const row = await sessionByCode(locals.services, params.code, getClientAddress());
	return {
		info: locals.services.sessions.info(row),
		// A signed-in facilitator may take a link-only workshop into the account (the claim needs the key).
		claimable: Boolean(locals.account) && row.ownerAccountId === null,
		origin: locals.services.publicOrigin(url),
		questionnaire: locals.services.sessions.questionnaireOf(row)
	};
};
