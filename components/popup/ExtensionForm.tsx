import { useSignal } from '@preact/signals';
import { dayMonth } from '../../lib/text/format';
import { t, type MessageKey } from '../../lib/text/i18n';
import { EXTENSION_MAX_DAYS, EXTENSION_REASONS, type ExtensionReason } from '../../lib/model/extension-rules';
import { addDays } from '../../lib/time/dates';
import type { MemberDeadline } from '../../lib/time/personal-deadline';
import type { Period } from '../../lib/model/plan';
import { useDeadlineForm } from '../shared/deadline-form';

// "Behöver du mer tid?": the member's personal deadline for the period in view. The worker
// checks it against the period and answers with the sentence's key when it refuses.

export interface ExtensionInput {
  periodId: string;
  deadline: string;
  reason: ExtensionReason;
  note?: string;
}

export type ExtensionResult = { ok: true } | { ok: false; error: MessageKey };

interface Props {
  period: Pick<Period, 'id' | 'starts' | 'deadline'>;
  deadline: MemberDeadline;
  onSave: (input: ExtensionInput) => Promise<ExtensionResult>;
  onRemove: (periodId: string) => Promise<ExtensionResult>;
}

/** The sentence saying the deadline shown is the member's own, or null when it is the period's. */
export function personalDeadlineText(deadline: MemberDeadline): string | null {
  if (deadline.source === 'own') return t('extensionPersonalOwn', [dayMonth(deadline.deadline), t(`extensionReasonShort_${deadline.reason}`)]);
  if (deadline.source === 'granted') return t('extensionPersonalGranted', dayMonth(deadline.deadline));
  return null;
}

export function ExtensionForm({ period, deadline, onSave, onRemove }: Props) {
  const own = deadline.source === 'own' ? deadline : undefined;
  const { date, note, message, busy, run, submit } = useDeadlineForm({ date: own?.deadline, note: own?.note });
  const reason = useSignal<ExtensionReason>(own?.reason ?? 'sick');
  const id = `extension-${period.id}`;

  const save = submit((input) => onSave({ periodId: period.id, reason: reason.value, ...input }), () => t('extensionSaved'));
  const remove = async () => {
    const result = await run(() => onRemove(period.id), t('extensionRemoved'));
    if (result.ok) {
      date.value = '';
      note.value = '';
    }
  };

  return (
    <details class="extension" data-testid="extension" open={own !== undefined}>
      <summary>{t('extensionAsk')}</summary>
      <form onSubmit={save}>
        <p class="muted">{t('extensionPeriodDeadline', dayMonth(period.deadline))}</p>
        <label for={`${id}-date`}>{t('extensionDate')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date.value}
          min={period.starts}
          max={addDays(period.deadline, EXTENSION_MAX_DAYS)}
          onInput={(e) => (date.value = e.currentTarget.value)}
        />
        <label for={`${id}-reason`}>{t('extensionReason')}</label>
        <select id={`${id}-reason`} value={reason.value} onChange={(e) => (reason.value = e.currentTarget.value as ExtensionReason)}>
          {EXTENSION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`extensionReason_${r}`)}
            </option>
          ))}
        </select>
        <label for={`${id}-note`}>{t('extensionNote')}</label>
        <input id={`${id}-note`} type="text" maxLength={300} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
        <div class="extension-actions">
          <button type="submit" class="primary" disabled={busy.value}>
            {t('extensionSave')}
          </button>
          {own && (
            <button type="button" disabled={busy.value} onClick={() => void remove()}>
              {t('extensionRemove')}
            </button>
          )}
        </div>
        <p role="status" class={message.value?.error ? 'extension-error' : 'muted'} data-testid="extension-message">
          {message.value?.text ?? ''}
        </p>
      </form>
    </details>
  );
}
