// npm run team-folder: a local team folder on 127.0.0.1 to try the whole flow on one machine.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTeamFolder } from './team-folder-server';

const root = resolve(process.env.TEAM_FOLDER_DIR ?? '.team-folder');
const port = Number(process.env.PORT ?? 8765);
const account = { username: process.env.TEAM_FOLDER_USER ?? 'demo', password: process.env.TEAM_FOLDER_PASSWORD ?? 'kurskompis' };

const server = await startTeamFolder({ root, port, account });
const plan = join(root, 'plan.json');
const seeded = !existsSync(plan);
if (seeded) {
  // The example plan laid out around today, its November period running, so badges show at once.
  const { fixturePlanAt } = await import('./plan-at');
  writeFileSync(plan, fixturePlanAt());
}
console.log(`Kurskompis team folder (WebDAV, Nephele) is running.

  Address:   ${server.url}
  User name: ${account.username}
  Password:  ${account.password}
  Files in:  ${root}${seeded ? '\n  plan.json: the example plan, its November period running now' : ''}

In Kurskompis: Settings → Team folder, paste the address, give the user name and password.
Stop with Ctrl+C.`);

process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
