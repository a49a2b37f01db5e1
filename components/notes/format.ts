import { uiLocale } from '../../lib/text/i18n';
import { PLAN_TIME_ZONE } from '../../lib/time/dates';

// A list of notes redraws up to a hundred times at each keystroke of a search: one formatter
// per locale, made once (making one costs far more than using it).
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "20 nov 10:42" in Swedish time. */
export function formatNoteTime(instant: string, locale: string = uiLocale()): string {
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: PLAN_TIME_ZONE });
    formatters.set(locale, format);
  }
  return format.format(new Date(instant)).replace(/\.(?=\s)/g, '');
}
