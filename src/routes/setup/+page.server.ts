import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The first run only: once an account exists, this page is gone. */
export const load: PageServerLoad = ({ locals }) => {
	if (!locals.services.auth.needsSetup()) redirect(303, '/login');
};
