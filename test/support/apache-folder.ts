import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

// A team folder served by Debian's Apache with mod_dav, started by the test on 127.0.0.1 with
// a configuration of its own. Apache honours If-Match and If-None-Match but answers a weak
// ETag for a file changed within the last second, which never satisfies If-Match.

export const APACHE = '/usr/sbin/apache2';
const MODULES = '/usr/lib/apache2/modules';

export interface ApacheFolder {
  url: string;
  root: string;
  /** Hand files written into `root` by the test over to the user Apache runs as. */
  adopt(): void;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`apache2 exited (${child.exitCode}); see ${log}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`apache2 did not listen on ${port}; see ${log}`);
}

export async function startApacheFolder(): Promise<ApacheFolder> {
  if (!existsSync(APACHE)) throw new Error(`${APACHE} is missing: install Debian's apache2 (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-apache-'));
  const root = join(dir, 'team');
  mkdirSync(root);
  mkdirSync(join(dir, 'lock'));
  const port = await freePort();
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // Apache will not serve as root; the folder belongs to the user it runs as.
    const uid = Number(execFileSync('id', ['-u', 'www-data']).toString());
    const gid = Number(execFileSync('id', ['-g', 'www-data']).toString());
    for (const path of [dir, root, join(dir, 'lock')]) chownSync(path, uid, gid);
  }
  const conf = join(dir, 'httpd.conf');
  writeFileSync(
    conf,
    `ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/httpd.pid"
ErrorLog "${dir}/error.log"
LogLevel warn
LoadModule mpm_event_module ${MODULES}/mod_mpm_event.so
LoadModule authz_core_module ${MODULES}/mod_authz_core.so
LoadModule mime_module ${MODULES}/mod_mime.so
LoadModule dav_module ${MODULES}/mod_dav.so
LoadModule dav_fs_module ${MODULES}/mod_dav_fs.so
${asRoot ? 'User www-data\nGroup www-data' : ''}
TypesConfig /etc/mime.types
DavLockDB "${dir}/lock/DavLock"
DocumentRoot "${root}"
<Directory "${root}">
  Dav On
  Require all granted
</Directory>
`,
  );
  const child = spawn(APACHE, ['-f', conf, '-DFOREGROUND'], { stdio: 'ignore' });
  await waitForPort(port, child, join(dir, 'error.log'));
  return {
    url: `http://127.0.0.1:${port}/`,
    root,
    adopt: () => {
      if (asRoot) execFileSync('chown', ['-R', 'www-data:www-data', root]);
    },
    close: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
