import helmet from 'helmet';
import type { RequestHandler } from 'express';

/**
 * Helmet's headers for every response. Pages get their Content-Security-Policy from SvelteKit
 * (which knows the nonces of its own inline scripts), so helmet's CSP is off here and API responses
 * get a policy that allows nothing at all.
 */
export const securityHeaders: RequestHandler = helmet({
	contentSecurityPolicy: false,
	crossOriginEmbedderPolicy: false,
	// Plain-HTTP use on a local network must keep working; HSTS belongs to the TLS proxy.
	strictTransportSecurity: false
});

export const apiContentSecurityPolicy: RequestHandler = (_req, res, next) => {
	res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	res.setHeader('Cache-Control', 'no-store');
	next();
};
