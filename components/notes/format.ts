import { uiLocale } from '../../lib/text/i18n';
import { PLAN_TIME_ZONE } from '../../lib/time/dates';

/** "20 nov 10:42" in Swedish time. */
export function formatNoteTime(instant: string, locale: string = uiLocale()): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: PLAN_TIME_ZONE,
  })
    .format(new Date(instant))
    .replace(/\.(?=\s)/g, '');
}
