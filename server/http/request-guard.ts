import type { RequestHandler } from 'express';
import { sendError } from './errors.js';
import { forwardedProtoValid, hostAllowed, parseHost, type HostPolicy } from './host-policy.js';

/**
 * Headers through which Express hands its verdict to the SvelteKit handler (adapter-node reads
 * them as `ADDRESS_HEADER` and `PROTOCOL_HEADER`, set in `index.ts`). Express always overwrites
 * them, so a value sent by the client never reaches a page.
 */
export const CLIENT_ADDRESS_HEADER = 'x-standort-client-address';
export const PROTOCOL_HEADER = 'x-standort-protocol';

/**
 * First middleware of every HTTP request, pages and API alike: requests whose Host, forwarded
 * protocol or path cannot be read get a JSON 400 here, before anything builds a URL from them.
 */
export function requestGuard(policy: HostPolicy): RequestHandler {
	return (req, res, next) => {
		const host = req.headers.host;
		if (host !== undefined) {
			const parsed = parseHost(host);
			if (!parsed) return sendError(res, 400, 'BAD_REQUEST', 'The Host header is not a valid host name, IP address or port.');
			if (!hostAllowed(parsed.hostname, policy))
				return sendError(
					res,
					400,
					'HOST_NOT_ALLOWED',
					`This server does not answer to the name ${parsed.hostname}. Its operator can add it with PUBLIC_URL or STANDORT_ALLOWED_HOSTS.`
				);
		}
		const proto = req.headers['x-forwarded-proto'];
		if (!forwardedProtoValid(Array.isArray(proto) ? proto.join(',') : proto))
			return sendError(res, 400, 'BAD_REQUEST', 'X-Forwarded-Proto must be http or https.');
		try {
			decodeURIComponent(req.path);
		} catch {
			return sendError(res, 400, 'BAD_REQUEST', 'The request path contains a malformed %-escape.');
		}
		req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? 'unknown';
		req.headers[PROTOCOL_HEADER] = req.protocol;
		next();
	};
}
