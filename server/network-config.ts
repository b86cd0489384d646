import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * How the server meets the network: which proxies it believes, which host names it answers to,
 * and how long and how often one address may hold connections. Read from the environment once;
 * `DEFAULT_NETWORK` is what a plain start on a LAN gets (and what in-process tests use).
 */
export type NetworkConfig = {
	/** Proxies whose `X-Forwarded-*` headers are believed (Express `trust proxy` list). */
	trustProxy: string[];
	/** Host names answered besides IP literals, `localhost` and `PUBLIC_URL`'s host; `*` answers any. */
	allowedHosts: string[];
	/** `PUBLIC_URL` without a trailing slash: the origin browsers use off the LAN. */
	publicUrl: string | undefined;
	/** Open TCP connections one address may hold at once (trusted proxies are exempt). */
	maxConnectionsPerAddress: number;
	/** Time a client has to send its request headers. */
	headersTimeoutMs: number;
	/** Time a client has to send its whole request, body included. */
	requestTimeoutMs: number;
	/** How long an idle keep-alive connection stays open. */
	keepAliveTimeoutMs: number;
	/** At SIGTERM: how long running requests may finish before every connection is cut. */
	shutdownGraceMs: number;
};

export const DEFAULT_NETWORK: NetworkConfig = {
	trustProxy: ['loopback'],
	allowedHosts: [],
	publicUrl: undefined,
	maxConnectionsPerAddress: 500,
	headersTimeoutMs: 10_000,
	requestTimeoutMs: 30_000,
	keepAliveTimeoutMs: 5_000,
	shutdownGraceMs: 3_000
};

const list = (value: string) =>
	value
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

const milliseconds = (fallback: number) => z.coerce.number().int().min(100).max(600_000).default(fallback);

const networkEnv = z.object({
	STANDORT_TRUST_PROXY: z
		.string()
		.default('loopback')
		.transform((v) => (v.trim() === 'none' ? [] : list(v)))
		.refine(
			(entries) => {
				try {
					proxyaddr.compile(entries);
					return true;
				} catch {
					return false;
				}
			},
			{ message: 'expected "none" or a comma-separated list of addresses, subnets (10.0.0.0/8) or loopback, linklocal, uniquelocal' }
		),
	STANDORT_ALLOWED_HOSTS: z
		.string()
		.default('')
		.transform((v) => list(v.toLowerCase()))
		.refine((hosts) => hosts.every((h) => h === '*' || /^[a-z0-9.-]+$/.test(h)), {
			message: 'expected a comma-separated list of host names without ports, or *'
		}),
	STANDORT_MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(DEFAULT_NETWORK.maxConnectionsPerAddress),
	STANDORT_HEADERS_TIMEOUT_MS: milliseconds(DEFAULT_NETWORK.headersTimeoutMs),
	STANDORT_REQUEST_TIMEOUT_MS: milliseconds(DEFAULT_NETWORK.requestTimeoutMs)
});

export function readNetworkConfig(env: NodeJS.ProcessEnv, publicUrl: string | undefined): NetworkConfig {
	const parsed = networkEnv.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid environment: ${problems}`);
	}
	const e = parsed.data;
	return {
		...DEFAULT_NETWORK,
		trustProxy: e.STANDORT_TRUST_PROXY,
		allowedHosts: e.STANDORT_ALLOWED_HOSTS,
		publicUrl,
		maxConnectionsPerAddress: e.STANDORT_MAX_CONNECTIONS_PER_ADDRESS,
		headersTimeoutMs: e.STANDORT_HEADERS_TIMEOUT_MS,
		// Node refuses a request timeout shorter than the headers timeout.
		requestTimeoutMs: Math.max(e.STANDORT_REQUEST_TIMEOUT_MS, e.STANDORT_HEADERS_TIMEOUT_MS)
	};
}
