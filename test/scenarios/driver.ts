import { readFileSync } from 'node:fs';
import type { Found, Query } from '../e2e/closed-root';

// What the shared staff scenario (staff.ts) needs of a browser, small enough that Chromium
// (playwright-core, test/e2e/driver.ts) and Firefox (puppeteer-core over WebDriver BiDi,
// test/firefox/harness.ts) each give it in a few lines. Everything here acts as a person or
// as the page's own scripts would: real clicks and keys, and scripts in the page's world.

export type { Found, Query };

/** A document: a tab's page or a frame in it. */
export interface Surface {
  /** Runs `fn` in the document's own script world (what its own scripts could do). */
  evaluate<R, A>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** A real mouse click on the first element that matches `selector`. */
  click(selector: string): Promise<void>;
  /** Real key presses into the element that matches `selector`. */
  type(selector: string, text: string): Promise<void>;
}

/** Kurskompis's UI inside Digiteket's page, in closed shadow roots (see test/e2e/closed-root.ts). */
export interface Roots {
  all(query: Query): Promise<Found[]>;
  waitFor(query: Query, options?: { count?: number }): Promise<Found[]>;
  click(query: Query): Promise<void>;
}

export interface SiteTab extends Surface {
  roots(): Roots;
  /** The notes panel's frame, once it has loaded. */
  notesPanel(): Promise<Surface>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface StaffDriver {
  /** The extension's UI language in this browser. */
  lang: 'sv' | 'en';
  /** Serves `file` (a fixture's name) at a Digiteket path from now on. */
  serve(path: string, file: string): void;
  /** A Digiteket page (path on https://digiteket.se), served from the fixtures. */
  open(path: string): Promise<SiteTab>;
  /** An extension page (popup.html, options.html …) in a tab of its own. */
  extensionPage(file: string): Promise<Surface & { close(): Promise<void> }>;
  /** Reads a plan file in on the settings page, as a person picks one. */
  loadPlan(text: string): Promise<void>;
}

type Messages = Record<string, { message: string }>;
const catalogues = new Map<string, Messages>();

/** The extension's own text for `key` in `lang`, with $1, $2 … filled in. */
export function t(lang: 'sv' | 'en', key: string, ...values: Array<string | number>): string {
  let messages = catalogues.get(lang);
  if (!messages) {
    messages = JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Messages;
    catalogues.set(lang, messages);
  }
  const message = messages[key]?.message;
  if (message === undefined) throw new Error(`no message ${key}`);
  return message.replace(/\$(\d)/g, (_, n: string) => String(values[Number(n) - 1] ?? `$${n}`));
}

/** The text for `key` as a pattern, each placeholder standing for any text; `more` lets text follow. */
export function tPattern(lang: 'sv' | 'en', key: string, more = false): RegExp {
  const parts = t(lang, key).split(/\$\d/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}${more ? '' : '$'}`);
}

/** Polls from the test (an extension page's policy stops a driver's own waiting script). */
export async function until<T>(read: () => Promise<T>, good: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await read();
      if (good(last)) return last;
    } catch {
      // The document is still loading or was replaced; look again.
    }
    if (Date.now() > end) throw new Error(`${what}: waited in vain (last seen: ${JSON.stringify(last)})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The text of the first element that matches `selector` in `surface`, once there is one. */
export function textOf(surface: Surface, selector: string): Promise<string> {
  return until(
    () => surface.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector),
    (text): text is string => text !== null,
    selector,
  ) as Promise<string>;
}
