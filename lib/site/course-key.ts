// A course key is the canonical form of a Digiteket URL: the same course reached through
// www., tracking parameters, a missing slash or percent-encoding gives one key.

import { DIGITEKET_HOST, isDigiteketHost } from './hosts';

export type CourseKey = string;

function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

// A path of printable ASCII without escapes or empty segments is canonical once lower-cased
// and slash-ended: what browsers hand over for nearly every link. Skipping the decode,
// normalisation and split keeps a scan of a 1,000-card list cheap.
const PLAIN_PATH = /^(?:\/[!-$&-.0-~]+)*\/?$/;

let lastPath: [pathname: string, canonical: string] = ['/', '/'];

/** Canonical path: decoded, NFC, lower case, single slashes, exactly one trailing slash. */
export function canonicalPath(pathname: string): string {
  // Every detector asks for the page's own path in turn: the last answer is kept for it.
  if (lastPath[0] === pathname) return lastPath[1];
  const canonical = canonicalOf(pathname);
  lastPath = [pathname, canonical];
  return canonical;
}

function canonicalOf(pathname: string): string {
  if (PLAIN_PATH.test(pathname)) {
    const lower = pathname.toLowerCase();
    return lower.endsWith('/') ? lower : `${lower}/`;
  }
  const decoded = decodePath(pathname).normalize('NFC').toLowerCase();
  const segments = decoded.split('/').filter((s) => s.length > 0);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The course key of a URL on Digiteket, or null when the URL is not on Digiteket or not a
 * web address at all (javascript:, mailto:, garbage). `base` resolves relative links.
 */
export function courseKey(url: string, base?: string): CourseKey | null {
  let parsed: URL;
  try {
    parsed = base === undefined ? new URL(url) : new URL(url, base);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (!isDigiteketHost(parsed.hostname)) return null;
  return `${DIGITEKET_HOST}${canonicalPath(parsed.pathname)}`;
}

/**
 * True only for a key as `courseKey` makes it: the canonical form of an address on Digiteket.
 * A key read from a file (a member file, a backup) is shown as a link to `urlOfKey(key)`, so
 * anything else (another site, `digiteket.se.example.com/`, `digiteket.se@example.com/`, a
 * path written some other way) is refused rather than trusted.
 */
export function isCourseKey(value: string): boolean {
  return value.startsWith(`${DIGITEKET_HOST}/`) && courseKey(urlOfKey(value)) === value;
}

/** An https address for a key, for opening the course in a tab. */
export function urlOfKey(key: CourseKey): string {
  return `https://${key}`;
}
