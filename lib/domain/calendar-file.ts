import { buildCalendar } from '../time/calendar';
import { t } from '../text/i18n';
import { bookedSessionIds } from './sessions';
import type { StoreReader } from '../storage/store';

// The calendar file for this member: every period's deadline and the sessions booked.

export async function calendarFile(store: StoreReader, now: Date = new Date()): Promise<{ name: string; text: string } | null> {
  const [stored, signups] = await Promise.all([store.activePlan(), store.signups()]);
  if (!stored) return null;
  const text = buildCalendar(
    stored.plan,
    bookedSessionIds(signups),
    {
      calendarName: t('calendarName', stored.plan.team.name),
      deadline: (title) => t('calendarDeadline', title),
      deadlineDescription: t('calendarDeadlineDescription'),
      session: (title) => t('calendarSession', title),
    },
    now,
  );
  return { name: 'kurskompis.ics', text };
}
