import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	const q = locals.services.questionnaires.get('service-maturity');
	if (!q) error(500, 'The service-maturity questionnaire is not installed.');
	return {
		intro: {
			id: q.id,
			version: q.version,
			minutes: q.estimatedMinutes,
			questionCount: q.questions.length,
			dimensions: q.dimensions.map(({ id, label, question }) => ({ id, label, question })),
			levels: q.levels.map(({ id, value, label, tagline, summary }) => ({ id, value, label, tagline, summary }))
		}
	};
};
