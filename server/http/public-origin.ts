import { networkInterfaces } from 'node:os';
import type { Request } from 'express';

/**
 * The address phones should open. A facilitator usually browses at `localhost`, which means
 * nothing to a phone; then the machine's first LAN address is used instead (same port).
 * `PUBLIC_URL` overrides everything when the app sits behind a proxy.
 */
export function publicOrigin(req: Request, configured: string | undefined): string {
	return publicOriginOf(new URL(`${req.protocol}://${req.get('host') ?? 'localhost'}`), configured);
}

/** The same rule for any request address (SvelteKit pages pass their `url`). */
export function publicOriginOf(requestUrl: URL, configured: string | undefined): string {
	if (configured) return configured;
	const url = new URL(requestUrl.origin);
	if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
		const lan = Object.values(networkInterfaces())
			.flat()
			.find((i) => i && i.family === 'IPv4' && !i.internal);
		if (lan) url.hostname = lan.address;
	}
	return url.origin;
}
