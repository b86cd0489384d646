import type { Handle } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/join-code';
import { LOCALE_COOKIE, negotiateLocale } from '$lib/i18n';
import { readServices } from '../server/services';

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.services = readServices();
	const account = event.locals.services.auth.authenticate(event.cookies.get('standort_session'));
	if (account) event.locals.account = { id: account.id, email: account.email, name: account.name, isAdmin: account.isAdmin };
	const chosen = event.cookies.get(LOCALE_COOKIE);
	// Without a choice of their own, participants get the language the facilitator set for the workshop.
	const code = chosen ? undefined : /^\/j\/([^/]+)/.exec(event.url.pathname)?.[1];
	const normalised = code ? normaliseJoinCode(code) : undefined;
	const workshop = normalised ? event.locals.services.sessions.find(normalised)?.language : undefined;
	const locale = workshop ?? negotiateLocale(chosen, event.request.headers.get('accept-language'));
	event.locals.locale = locale;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', locale) });
};
