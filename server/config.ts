import { resolve } from 'node:path';
import { z } from 'zod';
import { readNetworkConfig, type NetworkConfig } from './network-config.js';

/** Everything the process reads from its environment, checked once at start-up. */
const envSchema = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().min(1).default('0.0.0.0'),
	DATA_DIR: z.string().min(1).default('./data'),
	QUESTIONNAIRES_DIR: z.string().min(1).default('./questionnaires'),
	MIGRATIONS_DIR: z.string().min(1).default('./db'),
	/** Public origin used in join links and QR codes when the app sits behind a proxy. */
	PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
	/** Wrong join codes or tokens one client address may try per minute. */
	STANDORT_JOIN_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).default(20),
	/** New participants one client address may create per minute (a burst of this many at once). */
	STANDORT_NEW_PARTICIPANTS_PER_ADDRESS: z.coerce.number().int().min(1).default(120),
	/** New participants one workshop takes per minute (a burst of this many at once). */
	STANDORT_NEW_PARTICIPANTS_PER_WORKSHOP: z.coerce.number().int().min(1).default(1200),
	/** Requests one socket connection may send per second (and twice that at once). */
	STANDORT_REQUESTS_PER_SOCKET: z.coerce.number().int().min(1).default(20),
	/** Workshops one client address may create per minute (and that many at once). */
	STANDORT_NEW_WORKSHOPS_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
	/** A workshop with no sign of life for this many days is deleted with all its data (0 keeps everything). */
	STANDORT_RETENTION_DAYS: z.coerce.number().int().min(0).default(730),
	/** The most participants one workshop may have. */
	STANDORT_MAX_PARTICIPANTS: z.coerce.number().int().min(1).default(10_000),
	/** Exposes /api/metrics (memory, sockets) for the benchmark. */
	STANDORT_METRICS: z.enum(['0', '1']).default('0')
});

export type Config = {
	port: number;
	host: string;
	dataDir: string;
	questionnairesDir: string;
	migrationsDir: string;
	publicUrl: string | undefined;
	joinFailuresPerMinute: number;
	newParticipantsPerAddress: number;
	newParticipantsPerWorkshop: number;
	maxParticipants: number;
	requestsPerSocket: number;
	retentionDays: number;
	newWorkshopsPerAddress: number;
	metrics: boolean;
	/** Proxies, host names, connection limits: see `network-config.ts`. */
	network: NetworkConfig;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid environment: ${problems}`);
	}
	const e = parsed.data;
	const publicUrl = e.PUBLIC_URL?.replace(/\/$/, '');
	return {
		port: e.PORT,
		host: e.HOST,
		dataDir: resolve(e.DATA_DIR),
		questionnairesDir: resolve(e.QUESTIONNAIRES_DIR),
		migrationsDir: resolve(e.MIGRATIONS_DIR),
		publicUrl,
		joinFailuresPerMinute: e.STANDORT_JOIN_FAILURES_PER_MINUTE,
		newParticipantsPerAddress: e.STANDORT_NEW_PARTICIPANTS_PER_ADDRESS,
		newParticipantsPerWorkshop: e.STANDORT_NEW_PARTICIPANTS_PER_WORKSHOP,
		maxParticipants: e.STANDORT_MAX_PARTICIPANTS,
		requestsPerSocket: e.STANDORT_REQUESTS_PER_SOCKET,
		retentionDays: e.STANDORT_RETENTION_DAYS,
		newWorkshopsPerAddress: e.STANDORT_NEW_WORKSHOPS_PER_ADDRESS,
		metrics: e.STANDORT_METRICS === '1',
		network: readNetworkConfig(env, publicUrl)
	};
}
