import { networkInterfaces } from 'node:os';
import type { Request } from 'express';

/**
 * The address phones should open. A facilitator usually browses at `localhost`, which means
 * nothing to a phone; then the machine's first LAN address is used instead (same port).
 * `PUBLIC_URL` overrides everything when the app sits behind a proxy.
 */
export function publicOrigin(req: Request, configured: string | undefined): string {
	if (configured) return configured;
	const host = req.get('host') ?? 'localhost';
	const url = new URL(`${req.protocol}://${host}`);
	if (['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
		const lan = Object.values(networkInterfaces())
			.flat()
			.find((i) => i && i.family === 'IPv4' && !i.internal);
		if (lan) url.hostname = lan.address;
	}
	return url.origin;
}
