import type { RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { boot, readVersion } from './boot.js';
import { readConfig } from './config.js';
import { CLIENT_ADDRESS_HEADER, PROTOCOL_HEADER } from './http/request-guard.js';

/** After SIGTERM the process is gone by then, whatever happens (container runtimes kill at 10 s). */
const SHUTDOWN_DEADLINE_MS = 8_000;

/** Production entry: serves the built SvelteKit app (adapter-node) beside the API and sockets. */
async function main() {
	const config = readConfig();
	const handlerFile = resolve('build/handler.js');
	if (!existsSync(handlerFile)) throw new Error(`${handlerFile} is missing: run \`npm run build\` first.`);
	// adapter-node reads these when its module loads: pages then get the client address and the
	// protocol that Express worked out with the trusted-proxy rule (see http/request-guard.ts),
	// instead of the TCP peer (the proxy) and an assumed `https`.
	process.env.ADDRESS_HEADER = CLIENT_ADDRESS_HEADER;
	process.env.PROTOCOL_HEADER = PROTOCOL_HEADER;
	const { handler } = (await import(pathToFileURL(handlerFile).href)) as { handler: RequestHandler };

	const { httpServer, shutdown, instance } = boot(config, handler, readVersion());
	httpServer.listen(config.port, config.host, () => {
		const address = httpServer.address();
		const port = typeof address === 'object' && address ? address.port : config.port;
		const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
		console.log(`Standort is running: open http://${shown}:${port} (listening on ${config.host}:${port}, data in ${config.dataDir}, instance ${instance.instanceId})`);
	});

	const stop = (signal: string) => {
		console.log(`${signal} received: closing connections and the database`);
		// shutdown() is bounded by the grace period; this is the backstop should anything still hang.
		setTimeout(() => {
			console.error(`Shutdown took longer than ${SHUTDOWN_DEADLINE_MS} ms: exiting anyway.`);
			process.exit(1);
		}, SHUTDOWN_DEADLINE_MS).unref();
		shutdown().then(
			() => process.exit(0),
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			}
		);
	};
	process.once('SIGTERM', () => stop('SIGTERM'));
	process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
	console.error(`Standort could not start: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
