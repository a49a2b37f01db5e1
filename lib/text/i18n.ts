import { browser } from 'wxt/browser';
import type sv from '../../public/_locales/sv/messages.json';

// Every visible string goes through the browser's own i18n, Swedish by default.

export type MessageKey = keyof typeof sv;

export function t(key: MessageKey, substitutions?: string | number | Array<string | number>): string {
  const subs =
    substitutions === undefined
      ? undefined
      : (Array.isArray(substitutions) ? substitutions : [substitutions]).map(String);
  return browser.i18n.getMessage(key, subs) || key;
}

/** The locale of the catalogue in use, for dates and numbers ("sv" unless English is shown). */
export function uiLocale(): string {
  return t('localeCode') === 'en' ? 'en-GB' : 'sv-SE';
}
