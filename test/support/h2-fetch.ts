import { connect, constants, type ClientHttp2Session, type ClientHttp2Stream, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';

// A fetch that reaches one origin the way a browser reaches a team folder served over HTTPS
// with HTTP/2: every request is a stream on one shared connection, so only the caller's own
// limit on requests in flight holds them back. Node's global fetch (undici) speaks HTTP/1.1
// over a pool of connections and cannot show that.
//
// What Kurskompis's team folder and plan requests use is supported: any method, headers, a
// body (text or bytes), an AbortSignal, the answer's status, headers and a streamed body.
// Redirects are never followed (the folder client asks for `manual`); caches and credentials
// do not apply to a bench.

export interface H2Fetch {
  fetch: typeof fetch;
  /** Ends the connection once its streams are done. */
  close(): Promise<void>;
}

export interface H2FetchOptions {
  /** The server's certificate (PEM) to trust, such as a self-signed one on loopback. */
  ca?: string;
}

/** Headers a connection-level protocol owns; sending them on an HTTP/2 stream is an error. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'host', 'http2-settings']);

async function bodyBytes(body: RequestInit['body'], headers: Headers): Promise<Uint8Array | null> {
  if (body === undefined || body === null) return null;
  if (typeof body === 'string') {
    if (!headers.has('content-type')) headers.set('content-type', 'text/plain;charset=UTF-8');
    return new TextEncoder().encode(body);
  }
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return new TextEncoder().encode(body.toString());
  }
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof Blob) {
    if (body.type && !headers.has('content-type')) headers.set('content-type', body.type);
    return new Uint8Array(await body.arrayBuffer());
  }
  throw new TypeError('h2 fetch: this kind of body is not supported');
}

function answerHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith(':') || value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, String(one));
  }
  return headers;
}

/**
 * The answer's body as a web stream that reads only as fast as it is consumed; cancelling it
 * resets the stream, and an abort of the request's signal ends it with the signal's reason.
 */
function bodyOf(stream: ClientHttp2Stream, signal: AbortSignal | null): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) stream.pause();
      });
      stream.once('end', () => {
        if (settled) return;
        settled = true;
        controller.close();
      });
      stream.once('error', (error) => {
        if (settled) return;
        settled = true;
        controller.error(new TypeError('terminated', { cause: error }));
      });
      stream.once('close', () => {
        if (settled) return;
        // Closed before its end without an error: aborted here, or reset by the server.
        settled = true;
        controller.error(signal?.aborted ? signal.reason : new TypeError('terminated'));
      });
    },
    pull() {
      stream.resume();
    },
    cancel() {
      settled = true;
      stream.close(constants.NGHTTP2_CANCEL);
    },
  });
}

export function h2Fetch(origin: string, { ca }: H2FetchOptions = {}): H2Fetch {
  const { origin: home } = new URL(origin);
  let session: ClientHttp2Session | null = null;

  // Opened at the first request and again only if the server ended it: one connection at a time.
  const current = (): ClientHttp2Session => {
    if (session && !session.closed && !session.destroyed) return session;
    const opened = connect(home, ca ? { ca } : {});
    opened.on('error', () => undefined);
    opened.once('close', () => {
      if (session === opened) session = null;
    });
    opened.once('goaway', () => {
      if (session === opened) session = null;
    });
    session = opened;
    return opened;
  };

  const h2: typeof fetch = async (input, init = {}) => {
    const request = input instanceof Request ? input : null;
    const url = new URL(request ? request.url : String(input));
    if (url.origin !== home) throw new TypeError(`h2 fetch speaks only to ${home}, not ${url.origin}`);
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers ?? request?.headers);
    const signal = init.signal ?? request?.signal ?? null;
    const body = await bodyBytes(init.body !== undefined ? init.body : request && request.body ? await request.arrayBuffer() : null, headers);
    signal?.throwIfAborted();

    const outgoing: OutgoingHttpHeaders = { [constants.HTTP2_HEADER_METHOD]: method, [constants.HTTP2_HEADER_PATH]: `${url.pathname}${url.search}` };
    for (const [name, value] of headers) if (!CONNECTION_HEADERS.has(name)) outgoing[name] = value;
    if (body) outgoing['content-length'] = body.byteLength;

    const stream = current().request(outgoing, { endStream: !body });
    return new Promise<Response>((resolve, reject) => {
      let answered = false;
      const abort = () => {
        stream.close(constants.NGHTTP2_CANCEL);
        if (!answered) reject(signal?.reason);
      };
      signal?.addEventListener('abort', abort, { once: true });
      stream.once('close', () => signal?.removeEventListener('abort', abort));
      stream.once('error', (error) => {
        if (!answered) reject(new TypeError('fetch failed', { cause: error }));
      });
      stream.once('close', () => {
        if (!answered) reject(new TypeError('fetch failed: the stream closed before an answer'));
      });
      stream.once('response', (raw) => {
        answered = true;
        const status = Number(raw[constants.HTTP2_HEADER_STATUS]);
        // A Response may not carry a body for these; the stream ends with its headers anyway.
        const empty = method === 'HEAD' || status === 204 || status === 205 || status === 304;
        if (empty) stream.resume();
        resolve(new Response(empty ? null : bodyOf(stream, signal), { status, headers: answerHeaders(raw) }));
      });
      if (body) stream.end(body);
    });
  };

  return {
    fetch: h2,
    close: () =>
      new Promise<void>((resolve) => {
        const open = session;
        session = null;
        if (!open || open.closed || open.destroyed) resolve();
        else open.close(() => resolve());
      }),
  };
}
