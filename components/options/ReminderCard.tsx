import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../../lib/text/i18n';
import type { ReminderSettings } from '../../lib/time/reminders';

// Which reminders to show; each can be turned off, and the days before a deadline chosen.

export interface ReminderCardProps {
  get: () => Promise<ReminderSettings>;
  set: (settings: ReminderSettings) => Promise<void>;
}

/** "7, 2" → [7, 2]; null when a part is not a whole number of days from 1 to 60. */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const days = parts.map(Number);
  if (!parts.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 60)) return null;
  return [...new Set(days)].sort((a, b) => b - a);
}

export function ReminderCard({ get, set }: ReminderCardProps) {
  const settings = useSignal<ReminderSettings | null>(null);
  const daysText = useSignal('');
  const daysError = useSignal(false);
  useEffect(() => {
    void get().then((value) => {
      settings.value = value;
      daysText.value = value.deadlineDays.join(', ');
    });
  }, []);
  const s = settings.value;
  if (!s) return null;
  const update = (patch: Partial<ReminderSettings>) => {
    const next = { ...s, ...patch };
    settings.value = next;
    void set(next);
  };
  const toggle = (key: 'deadline' | 'newPeriod' | 'session', label: string) => (
    <label class="check">
      <input type="checkbox" checked={s[key]} onChange={(e) => update({ [key]: (e.currentTarget as HTMLInputElement).checked })} /> {label}
    </label>
  );
  return (
    <section class="card" aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">{t('remindersHeading')}</h2>
      <p class="muted">{t('remindersExplain')}</p>
      <div>{toggle('deadline', t('remindersDeadline'))}</div>
      <div class="indent">
        <label for="reminder-days">{t('remindersDays')}</label>
        <input
          id="reminder-days"
          type="text"
          inputMode="numeric"
          value={daysText.value}
          disabled={!s.deadline}
          aria-invalid={daysError.value ? 'true' : undefined}
          aria-describedby={daysError.value ? 'reminder-days-error' : undefined}
          onInput={(e) => {
            daysText.value = (e.currentTarget as HTMLInputElement).value;
            const days = parseDays(daysText.value);
            daysError.value = days === null;
            if (days) update({ deadlineDays: days });
          }}
        />
        {daysError.value && (
          <p id="reminder-days-error" class="error">
            {t('remindersDaysError')}
          </p>
        )}
      </div>
      <div>{toggle('newPeriod', t('remindersNewPeriod'))}</div>
      <div>{toggle('session', t('remindersSession'))}</div>
    </section>
  );
}
