import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.services.auth.needsSetup()) redirect(303, '/setup');
	// Only a path on this site: a sign-in page must not send people elsewhere.
	const next = url.searchParams.get('next');
	return { next: next && next.startsWith('/') && !next.startsWith('//') ? next : '/workshops' };
};
