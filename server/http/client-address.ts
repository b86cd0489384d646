import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

export type TrustProxy = (address: string, hop: number) => boolean;

/** Compiles a `trust proxy` list (`loopback`, addresses, subnets) into the test Express also uses. */
export const compileTrust = (entries: readonly string[]): TrustProxy => proxyaddr.compile([...entries]);

/**
 * The one client address used for limits everywhere (API, pages, sockets), by Express's
 * `trust proxy` rule: walk `X-Forwarded-For` from the right and stop at the first address that is
 * not a trusted proxy. A proxy appends the address it saw, so the entries to its left are whatever
 * the client sent and must never become the key.
 */
export function clientAddressOf(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined, trust: TrustProxy): string {
	if (!remoteAddress) return 'unknown';
	const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
	return proxyaddr({ headers: { 'x-forwarded-for': header }, socket: { remoteAddress } } as unknown as IncomingMessage, trust);
}

/** The same for a Node request. */
export const clientAddressOfRequest = (req: IncomingMessage, trust: TrustProxy): string =>
	clientAddressOf(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);

/** Whether the connection itself comes from a trusted proxy (whose forwarded headers count). */
export const fromTrustedProxy = (req: IncomingMessage, trust: TrustProxy): boolean =>
	!!req.socket.remoteAddress && trust(req.socket.remoteAddress, 0);
