// The few WebDAV requests a team folder needs: GET and PUT with conditions, MKCOL, and a
// PROPFIND listing for the coordinator's overview. Every failure becomes one of a handful of
// reasons the user can act on.

import type { FolderError } from '../model/results';
import { MEMBER_MAX_BYTES } from '../model/member';
import { readLimited } from '../services/read-limited';
import type { Credentials, FolderAddress } from '../folder/address';

export class FolderFailure extends Error {
  constructor(
    readonly reason: FolderError,
    readonly status?: number,
  ) {
    super(`team folder: ${reason}${status ? ` (${status})` : ''}`);
  }
}

export type GetResult =
  | { status: 'ok'; text: string; etag: string | null }
  | { status: 'notModified' }
  | { status: 'missing' }
  /** Larger than the cap: the download was stopped there. */
  | { status: 'tooLarge'; etag: string | null };

export type PutCondition = { ifMatch: string } | { ifNoneMatch: '*' } | null;

export type PutResult = { status: 'ok'; etag: string | null } | { status: 'conflict' } | { status: 'noParent' };

function basicAuth({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export class WebDavClient {
  constructor(
    private readonly address: FolderAddress,
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs = 15_000,
  ) {}

  get base(): string {
    return this.address.base;
  }

  /**
   * One request; the answer comes with the signal that limits it, which the body's reading
   * shares: the timeout counts from the request to the body's last byte.
   */
  private async request(path: string, init: RequestInit): Promise<{ response: Response; signal: AbortSignal }> {
    const headers = new Headers(init.headers);
    if (this.address.credentials) headers.set('Authorization', basicAuth(this.address.credentials));
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetchImpl(new URL(path, this.address.base).href, {
        ...init,
        headers,
        credentials: 'omit',
        cache: 'no-store',
        // Never follow: a redirect would carry the member file (and the sign-in) elsewhere.
        redirect: 'manual',
        signal,
      });
    } catch (error) {
      throw new FolderFailure(signal.aborted || isAbort(error) ? 'timeout' : 'unreachable');
    }
    // Browsers answer `redirect: 'manual'` with an opaque redirect (status 0); Node gives the 3xx.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FolderFailure('redirected', response.status || undefined);
    }
    if (response.status === 401 || response.status === 403) throw new FolderFailure('auth', response.status);
    if (response.status === 507) throw new FolderFailure('full', 507);
    return { response, signal };
  }

  /** The body as text up to `maxBytes`; too slow as a whole is a timeout, broken off midway is `interrupted`. */
  private static async body(response: Response, signal: AbortSignal, maxBytes: number) {
    try {
      return await readLimited(response, maxBytes, signal);
    } catch (error) {
      throw new FolderFailure(signal.aborted || isAbort(error) ? 'timeout' : 'interrupted', response.status);
    }
  }

  /** An answer whose body is not wanted: let the connection go without reading it. */
  private static async discard(response: Response): Promise<void> {
    await response.body?.cancel().catch(() => undefined);
  }

  private static failure(response: Response): FolderFailure {
    if (response.status === 404) return new FolderFailure('notFound', 404);
    if (response.status === 405 || response.status === 501) return new FolderFailure('notFolder', response.status);
    return new FolderFailure('server', response.status);
  }

  /**
   * A file's text and ETag; `missing` for 404; `notModified` when `etag` still matches;
   * `tooLarge` past `maxBytes` (a member file's cap unless told), read no further.
   */
  async get(path: string, etag?: string, maxBytes: number = MEMBER_MAX_BYTES): Promise<GetResult> {
    const { response, signal } = await this.request(path, { method: 'GET', headers: etag ? { 'If-None-Match': etag } : {} });
    if (response.status === 304 || response.status === 404 || !response.ok) await WebDavClient.discard(response);
    if (response.status === 304) return { status: 'notModified' };
    if (response.status === 404) return { status: 'missing' };
    if (!response.ok) throw WebDavClient.failure(response);
    const type = response.headers.get('content-type') ?? '';
    const body = await WebDavClient.body(response, signal, maxBytes);
    if (!body.ok) return { status: 'tooLarge', etag: response.headers.get('etag') };
    const text = body.text;
    // A sign-in page or a portal answers 200 with HTML where a JSON file should be.
    if (/html/i.test(type) || /^\s*<(!doctype|html)/i.test(text)) throw new FolderFailure('notFolder', response.status);
    return { status: 'ok', text, etag: response.headers.get('etag') };
  }

  async put(path: string, body: string, condition: PutCondition): Promise<PutResult> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
    if (condition && 'ifMatch' in condition) headers['If-Match'] = condition.ifMatch;
    if (condition && 'ifNoneMatch' in condition) headers['If-None-Match'] = '*';
    const { response } = await this.request(path, { method: 'PUT', headers, body });
    await WebDavClient.discard(response);
    if (response.status === 412) return { status: 'conflict' };
    if (response.status === 409) return { status: 'noParent' };
    if (!response.ok) throw WebDavClient.failure(response);
    return { status: 'ok', etag: response.headers.get('etag') };
  }

  /**
   * Removes a file, only if it is still the version `etag` names (what this browser wrote):
   * a join that fails takes back the file it made. Gone already is as good as removed.
   */
  async remove(path: string, etag: string | null): Promise<void> {
    const { response } = await this.request(path, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
    await WebDavClient.discard(response);
    if (!response.ok && response.status !== 404) throw WebDavClient.failure(response);
  }

  async mkcol(path: string): Promise<void> {
    const { response } = await this.request(path, { method: 'MKCOL' });
    await WebDavClient.discard(response);
    // 405: it exists already; 409: the team folder itself is not there.
    if (response.status === 409) throw new FolderFailure('notFound', 409);
    if (!response.ok && response.status !== 405) throw WebDavClient.failure(response);
  }

  /** Names of the files directly in a folder (Depth: 1), with their ETags. */
  async list(path: string): Promise<Array<{ name: string; etag: string | null }>> {
    const { response, signal } = await this.request(path, {
      method: 'PROPFIND',
      headers: { Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>',
    });
    if (response.status !== 207) await WebDavClient.discard(response);
    if (response.status === 404) return [];
    if (response.status !== 207) throw WebDavClient.failure(response);
    const body = await WebDavClient.body(response, signal, LISTING_MAX_BYTES);
    // A listing that is no multistatus (cut off, a sign-in page) is a failure, not an empty folder.
    const files = body.ok ? parseListing(body.text, new URL(path, this.address.base).pathname) : null;
    if (!files) throw new FolderFailure('server', 207);
    return files;
  }
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** What a PROPFIND listing may weigh (thousands of files fit; more is refused). */
const LISTING_MAX_BYTES = 20_000_000;

/**
 * Files of a PROPFIND answer (no DOMParser in a service worker: a small, tolerant reading);
 * null when the answer is not a whole multistatus document.
 */
export function parseListing(xml: string, folderPath: string): Array<{ name: string; etag: string | null }> | null {
  if (!/^\s*(<\?xml[^>]*\?>\s*)?<(?:[A-Za-z0-9]+:)?multistatus[\s>]/.test(xml) || !/<\/(?:[A-Za-z0-9]+:)?multistatus>\s*$/.test(xml)) return null;
  const files: Array<{ name: string; etag: string | null }> = [];
  for (const block of xml.split(/<(?:[A-Za-z0-9]+:)?response[\s>]/).slice(1)) {
    const href = /<(?:[A-Za-z0-9]+:)?href>([^<]*)<\/(?:[A-Za-z0-9]+:)?href>/.exec(block)?.[1];
    if (!href) continue;
    if (/<(?:[A-Za-z0-9]+:)?collection\s*\/?>/.test(block)) continue;
    let path: string;
    try {
      path = decodeURIComponent(new URL(href.trim(), 'http://x').pathname);
    } catch {
      continue;
    }
    const folder = decodeURIComponent(folderPath).replace(/\/?$/, '/');
    if (!path.startsWith(folder)) continue;
    const name = path.slice(folder.length);
    if (!name || name.includes('/')) continue;
    const etag = /<(?:[A-Za-z0-9]+:)?getetag>([^<]*)<\//.exec(block)?.[1]?.replace(/&quot;/g, '"').trim() ?? null;
    files.push({ name, etag });
  }
  return files;
}
