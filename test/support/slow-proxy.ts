import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';

// A team folder as a library's Nextcloud or Sunet Drive answers it, on loopback: every request
// waits a round trip (80 ms by default, a few ms of jitter) and the server handles only a few
// at a time, as a real one does per client. It forwards to a real WebDAV server and counts
// what passes, requests and bytes, for the bench's figures.

export interface ProxyStats {
  requests: number;
  /** Bytes of request bodies sent to the folder and of answers received from it, headers not counted. */
  bytesUp: number;
  bytesDown: number;
  byKind: Record<string, number>;
}

export interface SlowProxy {
  url: string;
  stats(): ProxyStats;
  reset(): void;
  close(): Promise<void>;
}

export interface ProxyOptions {
  delayMs?: number;
  jitterMs?: number;
  /** Requests handled at once; the rest wait their turn. */
  parallel?: number;
}

export async function startSlowProxy(target: string, { delayMs = 80, jitterMs = 5, parallel = 6 }: ProxyOptions = {}): Promise<SlowProxy> {
  const to = new URL(target);
  let stats: ProxyStats = { requests: 0, bytesUp: 0, bytesDown: 0, byKind: {} };
  let active = 0;
  const waiting: Array<() => void> = [];
  // Seeded, so two runs wait the same.
  let seed = 0x1234abcd;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
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
    await new Promise((resolve) => setTimeout(resolve, delayMs + (random() * 2 - 1) * jitterMs));
    const kind = `${req.method} ${req.headers['if-none-match'] ? 'conditional ' : ''}${(req.url ?? '').includes('/members/') ? (req.method === 'PROPFIND' ? 'members/' : 'member file') : (req.url ?? '').split('/').pop() || 'folder'}`;
    stats.requests += 1;
    stats.byKind[kind] = (stats.byKind[kind] ?? 0) + 1;
    stats.bytesUp += body.length;
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
    stats: () => ({ ...stats, byKind: { ...stats.byKind } }),
    reset: () => {
      stats = { requests: 0, bytesUp: 0, bytesDown: 0, byKind: {} };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
