// The real-Chromium suite again with the system clock moved to awkward moments in Swedish time,
// through Debian's faketime (libfaketime, preloaded into Node and into every Chromium process
// it starts). The clock is moved by an offset, not set to a fixed start, so that Chromium's
// processes, started at different moments, all agree on the time.
//
//   node --import tsx test/e2e/at-moments.ts                      the moments CI runs
//   node --import tsx test/e2e/at-moments.ts "2026-03-29 01:30" "2026-10-25 02:30@America/New_York"
//
// A moment is a Swedish wall-clock time, optionally with the time zone the browser and Node
// run in (default Europe/Stockholm). Expects the extension to be built already.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { swedishInstant } from '../../lib/time/dates';

const CI_MOMENTS = [
  // The first morning of a month: last month's discussions are ahead, this month's courses run.
  '2027-02-01 07:10',
  // The last evening of a year, in a browser whose own clock is already in the new year.
  '2026-12-31 23:30@Pacific/Auckland',
];

const FAKETIME = process.env.FAKETIME_PATH ?? 'faketime';
const moments = process.argv.slice(2).length > 0 ? process.argv.slice(2) : CI_MOMENTS;
const files = readdirSync('test/e2e')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/e2e/${name}`);

let failed = 0;
for (const moment of moments) {
  const match = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})(?:@(\S+))?$/.exec(moment);
  const instant = match && swedishInstant(match[1] as string, match[2] as string);
  if (!match || !instant) {
    console.error(`Not a moment: "${moment}" (write "YYYY-MM-DD HH:MM" in Swedish time, optionally "@Time/Zone").`);
    process.exit(2);
  }
  const zone = match[3] ?? 'Europe/Stockholm';
  const offset = Math.round((Date.parse(instant) - Date.now()) / 1000);
  console.log(`\n# The Chromium suite at ${match[1]} ${match[2]} Swedish time (${instant}), browser in ${zone}`);
  const run = spawnSync(FAKETIME, ['-f', `${offset >= 0 ? '+' : ''}${offset}s`, process.execPath, '--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone },
  });
  if (run.error) {
    console.error(`Could not start ${FAKETIME}: ${run.error.message} (Debian: apt-get install faketime).`);
    process.exit(2);
  }
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
