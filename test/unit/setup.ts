import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import sv from '../../public/_locales/sv/messages.json';

// The fake browser has no i18n; give it the Swedish catalogue with the browser's own
// substitution rules ($1…$9), so components render the words a user would see.
type Catalogue = Record<string, { message: string }>;

export function getMessage(catalogue: Catalogue, key: string, subs?: string | string[]): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  return entry.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '');
}

Object.assign(fakeBrowser.i18n, {
  getMessage: (key: string, subs?: string | string[]) => getMessage(sv as Catalogue, key, subs),
  getUILanguage: () => 'sv',
});

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, subs?: string | string[]) => getMessage(sv as Catalogue, key, subs),
    getUILanguage: () => 'sv',
  });
});

// Component tests render with @testing-library/preact; unmount what each test rendered.
afterEach(() => cleanup());
