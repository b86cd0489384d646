import { createServer as createViteServer } from 'vite';
import { boot, readVersion } from './boot.js';
import { readConfig } from './config.js';

/**
 * Development entry: the same app as in production, with Vite (and so SvelteKit with hot reload)
 * mounted as the page handler in middleware mode on our HTTP server, where Socket.IO also lives.
 */
const config = readConfig();
const placeholder = { handle: undefined as undefined | ((...args: unknown[]) => void) };
const { httpServer, shutdown } = boot(
	config,
	(req, res, next) => (placeholder.handle ? placeholder.handle(req, res, next) : next()),
	readVersion(),
	{ dev: true }
);
const vite = await createViteServer({
	server: { middlewareMode: true, hmr: { server: httpServer } },
	appType: 'custom'
});
placeholder.handle = vite.middlewares as unknown as (...args: unknown[]) => void;

httpServer.listen(config.port, config.host, () => {
	console.log(`Standort (dev) is running: open http://localhost:${config.port}`);
});
const stop = async () => {
	await vite.close();
	httpServer.close();
	await shutdown();
	process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
