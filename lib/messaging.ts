import { browser } from 'wxt/browser';
import type { Request, RequestType, Response } from './messages';

// The sending half of the channel; kept free of zod so the content script stays small.

export function send<T extends RequestType>(message: Extract<Request, { type: T }>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}
