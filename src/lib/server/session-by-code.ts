import { error } from '@sveltejs/kit';
import { normaliseJoinCode } from '$lib/core/join-code';

type Services = App.Locals['services'];

/**
 * The session a page's join code names. Unknown codes count against the client's address like a
 * wrong code at the API or the socket, so pages cannot be used to guess codes either.
 */
export async function sessionByCode(services: Services, rawCode: string, address: string) {
	// After many wrong codes an address is slowed down, never refused the right one.
	if (!(await services.limiter.slowDown(address))) error(429, { message: 'Too many wrong codes. Wait a minute and try again.', code: 'RATE_LIMITED' });
	const code = normaliseJoinCode(rawCode);
	const row = code ? services.sessions.find(code) : undefined;
	if (!row) {
		services.limiter.fail(address);
		error(404, { message: `No workshop with the code ${rawCode}`, code: 'SESSION_NOT_FOUND' });
	}
	return row;
}
