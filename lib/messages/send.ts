import { browser } from 'wxt/browser';
import type { Answer, RequestOf, RequestType } from './protocol';
import type { TabRequest } from './tab';

// The sending half of the channel; kept free of zod so the content script stays small.

/**
 * Sends a request to the worker. Every answer has `ok`: a request the worker refused, or one
 * that never reached it (the extension was updated or reloaded under an open page), comes
 * back as a failure with the message key that says so, never as `undefined`.
 */
export async function send<T extends RequestType>(message: RequestOf<T>): Promise<Answer<T>> {
  let answer: unknown;
  try {
    answer = await browser.runtime.sendMessage(message);
  } catch {
    return { ok: false, error: 'messageUndelivered' };
  }
  if (typeof answer !== 'object' || answer === null || typeof (answer as { ok?: unknown }).ok !== 'boolean') {
    return { ok: false, error: 'messageRefused' };
  }
  // The worker answers each request with that request's ResponseMap entry (lib/worker.ts).
  return answer as Answer<T>;
}

/** Tells the content script of one tab; a tab without one (not a Digiteket course) is no error. */
export async function sendToTab(tabId: number, message: TabRequest): Promise<void> {
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
