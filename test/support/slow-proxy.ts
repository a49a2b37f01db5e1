import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2Session, type IncomingHttpHeaders as Http2Headers, type ServerHttp2Stream } from 'node:http2';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A team folder as a library's Nextcloud or Sunet Drive answers it, on loopback: every request
// waits a round trip (80 ms by default, a few ms of jitter). Over HTTP/1.1 the server handles
// only a few at a time, as a browser's six connections per host allow; over HTTP/2 (TLS, as
// such servers are reached) all requests share one connection as streams, up to the server's
// cap on concurrent streams. It forwards to a real WebDAV server and counts what passes,
// requests and bytes, for the bench's figures.

export interface ProxyStats {
  requests: number;
  /** Bytes of request bodies sent to the folder and of answers received from it, headers not counted. */
  bytesUp: number;
  bytesDown: number;
  byKind: Record<string, number>;
}

export interface SlowProxy {
  url: string;
  /** Over HTTP/2, the proxy's self-signed certificate (PEM), for the client to trust. */
  ca?: string;
  stats(): ProxyStats;
  reset(): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  delayMs?: number;
  jitterMs?: number;
  /** Over HTTP/1.1, requests handled at once; the rest wait their turn. */
  parallel?: number;
  /** HTTPS with HTTP/2 only: one connection carries every request, the client's own limit governs. */
  http2?: boolean;
  /** Over HTTP/2, streams one connection may have open (SETTINGS_MAX_CONCURRENT_STREAMS). */
  maxConcurrentStreams?: number;
}

/** Headers that describe one hop's connection, not the answer; HTTP/2 forbids them outright. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'http2-settings']);

function kindOf(method: string, path: string, conditional: boolean): string {
  return `${method} ${conditional ? 'conditional ' : ''}${path.includes('/members/') ? (method === 'PROPFIND' ? 'members/' : 'member file') : path.split('/').pop() || 'folder'}`;
}

/** A certificate for 127.0.0.1 and localhost, made fresh by Debian's openssl and valid for a day. */
function selfSigned(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kurskompis-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startSlowProxy(
  target: string,
  { delayMs = 80, jitterMs = 5, parallel = 6, http2 = false, maxConcurrentStreams = 100 }: ProxyOptions = {},
): Promise<SlowProxy> {
  const to = new URL(target);
  let stats: ProxyStats = { requests: 0, bytesUp: 0, bytesDown: 0, byKind: {} };
  // Seeded, so two runs wait the same.
  let seed = 0x1234abcd;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const roundTrip = () => new Promise((resolve) => setTimeout(resolve, delayMs + (random() * 2 - 1) * jitterMs));
  const count = (method: string, path: string, conditional: boolean, body: Buffer) => {
    const kind = kindOf(method, path, conditional);
    stats.requests += 1;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    stats.bytesUp += body.length;
  };
  const controls = {
    stats: () => ({ ...stats, byKind: { ...stats.byKind } }),
    reset: () => {
      stats = { requests: 0, bytesUp: 0, bytesDown: 0, byKind: {} };
    },
  };
  if (http2) return startHttp2(to, roundTrip, count, (n) => (stats.bytesDown += n), maxConcurrentStreams, controls);

  let active = 0;
  const waiting: Array<() => void> = [];
  const slot = () =>
    new Promise<void>((resolve) => {
      if (active < parallel) {
        active += 1;
        resolve();
      } else waiting.push(resolve);
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    await slot();
    await roundTrip();
    count(req.method ?? 'GET', req.url ?? '', Boolean(req.headers['if-none-match']), body);
    const forward = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: { ...req.headers, host: to.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => (stats.bytesDown += chunk.length));
        answer.pipe(res);
        answer.on('end', release);
        answer.on('error', release);
      },
    );
    forward.on('error', () => {
      release();
      res.writeHead(502).end();
    });
    forward.end(body);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${to.pathname}`,
    ...controls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startHttp2(
  to: URL,
  roundTrip: () => Promise<unknown>,
  count: (method: string, path: string, conditional: boolean, body: Buffer) => void,
  received: (bytes: number) => void,
  maxConcurrentStreams: number,
  controls: Pick<SlowProxy, 'stats' | 'reset'>,
): Promise<SlowProxy> {
  const { key, cert } = selfSigned();
  // Behind the front end, kept-alive HTTP/1.1 connections to the WebDAV server, as nginx or
  // Apache keep them to PHP or a backend: only the client's side is HTTP/2.
  const agent = new Agent({ keepAlive: true });
  const sessions = new Set<Http2Session>();

  const handle = async (stream: ServerHttp2Stream, headers: Http2Headers) => {
    stream.on('error', () => undefined);
    // Read by events: iterating a duplex stream destroys it at the end, and with it the answer's half.
    const body = await new Promise<Buffer | null>((resolve) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('end', () => resolve(Buffer.concat(chunks)));
      stream.once('close', () => resolve(null));
    });
    if (!body) return;
    const method = String(headers[':method'] ?? 'GET');
    const path = String(headers[':path'] ?? '/');
    await roundTrip();
    count(method, path, Boolean(headers['if-none-match']), body);
    const forwarded: OutgoingHttpHeaders = { host: to.host };
    for (const [name, value] of Object.entries(headers)) {
      if (name.startsWith(':') || HOP_BY_HOP.has(name) || name === 'host' || name === 'content-length' || value === undefined) continue;
      forwarded[name] = value;
    }
    if (body.length || !['GET', 'HEAD', 'DELETE', 'MKCOL'].includes(method)) forwarded['content-length'] = body.length;
    const forward = request({ host: to.hostname, port: to.port, method, path, headers: forwarded, agent }, (answer) => {
      const status = answer.statusCode ?? 502;
      const named = new Set((answer.headers.connection ?? '').split(',').map((s) => s.trim().toLowerCase()));
      const back: OutgoingHttpHeaders = { ':status': status };
      for (const [name, value] of Object.entries(answer.headers as IncomingHttpHeaders)) {
        if (HOP_BY_HOP.has(name) || named.has(name) || value === undefined) continue;
        back[name] = value;
      }
      if (stream.destroyed) {
        answer.resume();
        return;
      }
      // These answers have no body; the stream ends with the headers.
      const empty = method === 'HEAD' || status === 204 || status === 205 || status === 304;
      stream.respond(back, { endStream: empty });
      answer.on('data', (chunk: Buffer) => received(chunk.length));
      if (empty) answer.resume();
      else answer.pipe(stream);
      // A client that stops reading (a cancelled body) leaves the backend's answer unread.
      stream.once('close', () => {
        if (!answer.complete) answer.destroy();
      });
    });
    forward.on('error', () => {
      if (!stream.destroyed && !stream.headersSent) stream.respond({ ':status': 502 }, { endStream: true });
    });
    forward.end(body);
  };

  const server = createSecureServer({ key, cert, allowHTTP1: false, settings: { maxConcurrentStreams } });
  server.on('stream', (stream, headers) => void handle(stream as ServerHttp2Stream, headers));
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `https://127.0.0.1:${port}${to.pathname}`,
    ca: cert,
    ...controls,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const session of sessions) session.close();
      await closed;
      agent.destroy();
    },
  };
}
