// `npm run admin -- <command>`: operator commands against this installation's data (see server/admin.ts).
import { spawnSync } from 'node:child_process';
import { ensureBuild } from './ensure-build.mjs';

ensureBuild();
const run = spawnSync(process.execPath, ['dist/server/admin.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
