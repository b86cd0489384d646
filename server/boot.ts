import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import type { RequestHandler } from 'express';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { loadQuestionnaireCatalog } from './questionnaires/questionnaire.catalog.js';
import { createInstanceRepository } from './repositories/instance.repository.js';
import { provideServices } from './services.js';

export function readVersion(): string {
	const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8')) as { version: string };
	return pkg.version;
}

/**
 * Wires the real components together: store, migrations, questionnaires, HTTP and sockets.
 * Shared by production (`index.ts`) and development (`dev.ts`), which differ only in who serves pages.
 */
export function boot(config: Config, pageHandler: RequestHandler, version: string, options: { dev?: boolean } = {}) {
	const db = openDatabase(config.dataDir);
	try {
		migrate(db, config.migrationsDir);
	} catch (error) {
		db.close();
		throw error;
	}
	const questionnaires = loadQuestionnaireCatalog(config.questionnairesDir);
	const instance = createInstanceRepository(db).ensure();
	provideServices({ version, questionnaires });

	const httpServer = createServer();
	const app = createApp(httpServer, { version, questionnaires, pageHandler, keepForeignUpgrades: options.dev });

	let closing: Promise<void> | undefined;
	const shutdown = () =>
		(closing ??= (async () => {
			await app.close();
			db.close();
		})());

	return { httpServer, app, db, instance, shutdown };
}
