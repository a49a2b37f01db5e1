// Where Digiteket lives, written once. This module imports nothing, so the plan schema, the
// content script and wxt.config.ts (which runs in Node at build time) can all depend on it.

/** The canonical host: course keys start with it, and links are opened on it. */
export const DIGITEKET_HOST = 'digiteket.se';

/** Every host Digiteket answers on. `www.` was never seen on the real site, but links may use it. */
export const DIGITEKET_HOSTS: readonly string[] = [DIGITEKET_HOST, `www.${DIGITEKET_HOST}`];

/** The origin of addresses Kurskompis writes (plan items, the self-assessment link). */
export const DIGITEKET_ORIGIN = `https://${DIGITEKET_HOST}`;

/** Match patterns for the manifest and for permission requests: https on every host. */
export const DIGITEKET_MATCHES: readonly string[] = DIGITEKET_HOSTS.map((host) => `https://${host}/*`);

export function isDigiteketHost(host: string): boolean {
  return DIGITEKET_HOSTS.includes(host.toLowerCase());
}

/** Digiteket's list of all courses: where a person goes to start one. */
export const COURSE_LIST_URL = `${DIGITEKET_ORIGIN}/kurser/`;
