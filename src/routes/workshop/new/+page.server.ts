import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const questionnaires = locals.services.questionnaires.list();
	const wanted = url.searchParams.get('questionnaire');
	const version = url.searchParams.get('version');
	const preselected =
		questionnaires.find((q) => q.id === wanted && (!version || q.version === version)) ?? questionnaires[0];
	return {
		questionnaires,
		preselected: preselected ? `${preselected.id}@${preselected.version}` : '',
		organizerKeyRequired: locals.services.sessions.organizerKeyRequired
	};
};
