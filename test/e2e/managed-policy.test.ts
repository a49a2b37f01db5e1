import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXTENSION_DIR, fixturePlanAt, launch, type Browser } from './harness';

// What a library's IT does: a policy file in Chromium's managed folder presets the plan's
// address and the team folder's address for Kurskompis ("3rdparty" extension policy, read into
// storage.managed). The browser is started with it, and the plan is there without a click; the
// settings page shows both addresses locked, with a sentence saying the organisation set them.
// Writing the policy needs root (as in CI); the file is removed afterwards.

const POLICY = '/etc/chromium/policies/managed/kurskompis-e2e.json';
const PLAN_HOST = 'plans.example.se';
const PLAN_URL = `https://${PLAN_HOST}/kurskompis/plan.json`;
const FOLDER_URL = 'https://moln.example.se/remote.php/dav/files/team/kurskompis/';

/** Chromium's id for an unpacked extension: the first half of its folder's SHA-256, in a–p. */
function unpackedId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

function asRoot(command: string, args: string[], input?: string): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? command : 'sudo', root ? args : ['-n', command, ...args], { input, stdio: ['pipe', 'ignore', 'pipe'] });
}

function canWritePolicy(): boolean {
  try {
    asRoot('mkdir', ['-p', dirname(POLICY)]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The plan on an https server on loopback with a certificate made for the test: the worker
 * fetches it at install, before a test could route requests, so it must be a real server.
 */
function planServer(dir: string): Promise<Server> {
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${PLAN_HOST}`, '-addext', `subjectAltName=DNS:${PLAN_HOST}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const body = fixturePlanAt();
  const server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (request, response) => {
    if (request.url !== '/kurskompis/plan.json') {
      response.writeHead(404).end();
      return;
    }
    // No host permission is ever granted for a preset address: a plan host answers CORS, as
    // README tells IT.
    response.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const writable = canWritePolicy();

describe('settings preset by the organisation (Chromium policy)', { skip: writable ? false : 'needs root to write a policy file' }, () => {
  let browser: Browser;
  let server: Server;
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-policy-'));

  before(async () => {
    server = await planServer(dir);
    const port = (server.address() as AddressInfo).port;
    const id = unpackedId(EXTENSION_DIR);
    asRoot('tee', [POLICY], JSON.stringify({ '3rdparty': { extensions: { [id]: { planUrl: PLAN_URL, teamFolderUrl: FOLDER_URL } } } }));
    browser = await launch({
      args: [`--host-resolver-rules=MAP ${PLAN_HOST}:443 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    });
    assert.equal(browser.extensionId, id, 'the policy names another id than the one Chromium gave the extension');
  });
  after(async () => {
    await browser?.close();
    server?.close();
    try {
      asRoot('rm', ['-f', POLICY]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the plan without a click and locks both addresses with a sentence saying who set them', async () => {
    const popup = await browser.popup();
    // The fixture plan's current period names four required courses.
    await popup.getByTestId('tally').waitFor({ timeout: 15_000 });
    assert.equal(await browser.toolbarBadge(), '4');

    const options = await browser.options();
    await options.getByText(`Förinställd av IT: ${PLAN_URL}`).waitFor();
    const address = options.getByLabel(/Planens adress/);
    assert.equal(await address.inputValue(), PLAN_URL);
    assert.equal(await address.getAttribute('readonly'), '');
    assert.equal(await options.getByTestId('plan-url-managed').textContent(), 'Inställt av din organisation. Kontakta IT om det behöver ändras.');
    assert.equal(await options.getByLabel(/Planfil/).isDisabled(), true);
    assert.equal(await options.getByRole('button', { name: 'Prova med en exempelplan' }).isDisabled(), true);

    const folder = options.getByLabel(/Mappens adress/);
    await options.getByTestId('team-url-managed').waitFor();
    assert.equal(await folder.inputValue(), FOLDER_URL);
    assert.equal(await folder.getAttribute('readonly'), '');
    assert.equal(await options.getByLabel(/Lösenord/).isEditable(), true);

    // A message sent past the locked fields changes nothing either.
    const answer = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'useDemoPlan' }),
    );
    assert.deepEqual(answer, { ok: false, error: 'planSetByOrganisation' });
    await options.screenshot({ path: join('.output', 'managed-options.png'), fullPage: true });
  });
});
