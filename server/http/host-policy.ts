import { isIP } from 'node:net';

/**
 * Which `Host`, `Origin` and `X-Forwarded-Proto` values the server believes. Join links, QR codes
 * and the handshake's origin check are built from the Host header, so a name the operator did not
 * choose must never get that far: IP literals and `localhost` are always fine (a LAN needs nothing
 * set up), other names only when configured (`STANDORT_ALLOWED_HOSTS` or `PUBLIC_URL`). This also
 * shuts out DNS rebinding, where a foreign name is pointed at a LAN address.
 */
export type HostPolicy = { allowedHosts: readonly string[]; publicUrl: string | undefined };

const MAX_HOST_LENGTH = 260;
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** `name[:port]`, `ipv4[:port]` or `[ipv6][:port]`, lower-cased; undefined when malformed. */
export function parseHost(value: string): { hostname: string; port: string | undefined } | undefined {
	if (!value || value.length > MAX_HOST_LENGTH) return undefined;
	const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.toLowerCase());
	if (!match?.[1]) return undefined;
	const [, hostname, port] = match;
	if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
	if (hostname.startsWith('[')) return isIP(hostname.slice(1, -1)) === 6 ? { hostname, port } : undefined;
	if (hostname.length > 253 || !hostname.split('.').every((label) => LABEL.test(label))) return undefined;
	return { hostname, port };
}

const isIpLiteral = (hostname: string) => isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;

export function hostAllowed(hostname: string, policy: HostPolicy): boolean {
	if (isIpLiteral(hostname) || hostname === 'localhost') return true;
	if (policy.allowedHosts.includes('*') || policy.allowedHosts.includes(hostname)) return true;
	return policy.publicUrl !== undefined && new URL(policy.publicUrl).hostname === hostname;
}

/**
 * A browser's `Origin` on the socket handshake: the page must come from this server, as the
 * browser addressed it (same host and port) or as `PUBLIC_URL` names it. Clients that send no
 * Origin (native apps, Node scripts) are not browsers visiting a foreign page and stay allowed.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl: string | undefined): boolean {
	if (origin === undefined) return true;
	let url: URL;
	try {
		url = new URL(origin);
	} catch {
		return false; // "null" (sandboxed frames, files) and garbage
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
	if (host !== undefined && url.host === host.toLowerCase()) return true;
	return publicUrl !== undefined && url.origin === new URL(publicUrl).origin;
}

/** `http` or `https`, possibly a list from several proxies; anything else is a malformed request. */
export const forwardedProtoValid = (value: string | undefined): boolean =>
	value === undefined || value.split(',').every((p) => /^https?$/i.test(p.trim()));
