import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.account) redirect(303, locals.services.auth.needsSetup() ? '/setup' : '/login?next=/workshops');
	return { account: locals.account };
};
