import { redirect } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/join-code';
import type { PageServerLoad } from './$types';

/** Creating a workshop needs a signed-in facilitator; `?followUpOf=CODE` measures one of theirs again. */
export const load: PageServerLoad = ({ locals, url }) => {
	if (!locals.account) redirect(303, locals.services.auth.needsSetup() ? '/setup' : `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const questionnaires = locals.services.questionnaires.list();
	const wanted = url.searchParams.get('questionnaire');
	const version = url.searchParams.get('version');
	const preselected = questionnaires.find((q) => q.id === wanted && (!version || q.version === version)) ?? questionnaires[0];
	const code = normaliseJoinCode(url.searchParams.get('followUpOf') ?? '');
	const previous = code ? locals.services.sessions.find(code) : undefined;
	return {
		questionnaires,
		preselected: preselected ? `${preselected.id}@${preselected.version}` : '',
		followUp: previous && previous.ownerAccountId === locals.account.id ? { code: previous.code, title: previous.title } : undefined
	};
};
