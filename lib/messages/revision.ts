import { browser } from 'wxt/browser';

// The content script listens for the background's revision counter with the browser's own
// storage event rather than WXT's storage wrapper: it runs on every Digiteket page, and the
// wrapper would more than double its size.

export const REVISION_KEY = 'revision';

export function onRevision(listener: () => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && REVISION_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
