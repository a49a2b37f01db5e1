// A team folder's address: what a user pasted, made into the WebDAV folder it names. Pure,
// so the settings page can check an address before the worker is asked to join it.

export interface Credentials {
  username: string;
  password: string;
}

export interface FolderAddress {
  /** The WebDAV address of the folder, ending in a slash. */
  base: string;
  credentials?: Credentials;
}

/**
 * The WebDAV address for what a user pasted: a folder URL as it is, or a Nextcloud / Sunet
 * Drive public share link (`https://host/s/<token>`), whose WebDAV endpoint is
 * `https://host/public.php/webdav/` with the token as user name. Null when it is not an
 * http(s) address.
 */
export function folderAddress(input: string, credentials?: Credentials): FolderAddress | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const share = /^(.*?)\/(?:index\.php\/)?s\/([A-Za-z0-9]+)\/?$/.exec(url.pathname);
  if (share) {
    return {
      base: `${url.origin}${share[1]}/public.php/webdav/`,
      credentials: { username: share[2] as string, password: credentials?.password ?? '' },
    };
  }
  url.hash = '';
  url.search = '';
  const base = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return { base, ...(credentials?.username ? { credentials } : {}) };
}

/** Plain http is allowed only on this computer (a local test folder); passwords need https. */
export function isSafeFolder(base: string): boolean {
  const url = new URL(base);
  return url.protocol === 'https:' || ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
