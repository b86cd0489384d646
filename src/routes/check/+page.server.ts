import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const id = url.searchParams.get('q') ?? 'service-maturity';
	const questionnaire = locals.services.questionnaires.get(id, url.searchParams.get('v') ?? undefined);
	if (!questionnaire) error(404, { message: `Unknown questionnaire ${id}`, code: 'NOT_FOUND' });
	return { questionnaire, fresh: url.searchParams.get('new') === '1' };
};
