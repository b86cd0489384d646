import { createAuthService } from './accounts/auth.service.js';
import { readConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createAccountRepository } from './repositories/account.repository.js';
import { createFailureLimiter } from './sessions/rate-limiter.js';

/**
 * `npm run admin -- reset-password EMAIL`: prints a one-time link (valid 7 days) that sets a new
 * password for that account, for an operator helping a facilitator who forgot theirs. No mail
 * server needed; the link goes to the person by whatever channel the operator trusts.
 */
function main(args: string[]): number {
	const [command, email] = args;
	if (command !== 'reset-password' || !email) {
		console.error('Usage: npm run admin -- reset-password EMAIL');
		return 2;
	}
	const config = readConfig();
	const db = openDatabase(config.dataDir);
	try {
		migrate(db, config.migrationsDir);
		const accounts = createAccountRepository(db);
		const account = accounts.byEmail(email);
		if (!account) {
			console.error(`There is no account with the e-mail ${email}.`);
			return 1;
		}
		const auth = createAuthService({ accounts, byAddress: createFailureLimiter({ maxFailures: 1, windowMs: 1 }), byAccountAndAddress: createFailureLimiter({ maxFailures: 1, windowMs: 1 }) });
		const token = auth.createLink('reset', null, account.id);
		const origin = config.publicUrl ?? `http://localhost:${config.port}`;
		console.log(`Password reset link for ${account.email} (valid for 7 days, once):\n${origin}/reset#token=${token}`);
		return 0;
	} finally {
		db.close();
	}
}

process.exitCode = main(process.argv.slice(2));
