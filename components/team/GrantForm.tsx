import { useEffect, useRef } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { t, type MessageKey } from '../../lib/text/i18n';
import { EXTENSION_MAX_DAYS } from '../../lib/model/extension-rules';
import type { GrantedExtension } from '../../lib/model/extension';
import { addDays } from '../../lib/time/dates';
import type { Period } from '../../lib/model/plan';
import { useDeadlineForm } from '../shared/deadline-form';

// "Ge mer tid": the coordinator grants one member a later deadline for the period, written
// into the saved plan by the worker, which checks it and answers with the sentence's key when
// it refuses. The member sees it once the plan is published.

export type GrantAnswer = { ok: true; extensions: readonly GrantedExtension[] } | { ok: false; error: MessageKey };

export interface GrantActions {
  grant: (input: { memberId: string; periodId: string; deadline: string; note?: string }) => Promise<GrantAnswer>;
  revoke: (input: { memberId: string; periodId: string }) => Promise<GrantAnswer>;
  /** The new grants, after a change the worker accepted. */
  changed: (extensions: readonly GrantedExtension[]) => void;
}

interface Props {
  period: Pick<Period, 'id' | 'starts' | 'deadline'>;
  member: { memberId: string; displayName: string };
  current?: GrantedExtension | undefined;
  actions: GrantActions;
  close: () => void;
}

export function GrantForm({ period, member, current, actions, close }: Props) {
  const { date, note, message, busy, run, submit } = useDeadlineForm({ date: current?.deadline, note: current?.note });
  const heading = useRef<HTMLHeadingElement>(null);
  const id = `grant-${member.memberId}`;
  useEffect(() => heading.current?.focus(), [member.memberId]);

  // An accepted change gives the new grants to the overview.
  const told = async (answer: Promise<GrantAnswer>) => {
    const result = await answer;
    if (result.ok) actions.changed(result.extensions);
    return result;
  };
  const save = submit(
    (input) => told(actions.grant({ memberId: member.memberId, periodId: period.id, ...input })),
    () => t('grantSaved', [member.displayName, dayMonth(date.value)]),
  );
  const revoke = () => run(() => told(actions.revoke({ memberId: member.memberId, periodId: period.id })), t('grantRevoked', member.displayName));

  return (
    <section class="grant card no-print" aria-labelledby={`${id}-heading`} data-testid="grant-form">
      <h3 id={`${id}-heading`} tabIndex={-1} ref={heading}>
        {t('grantHeading', member.displayName)}
      </h3>
      <form onSubmit={save}>
        <p class="muted">{t('extensionPeriodDeadline', dayMonth(period.deadline))}</p>
        <label for={`${id}-date`}>{t('grantDate')}</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date.value}
          min={addDays(period.deadline, 1)}
          max={addDays(period.deadline, EXTENSION_MAX_DAYS)}
          onInput={(e) => (date.value = e.currentTarget.value)}
        />
        <label for={`${id}-note`}>{t('extensionNote')}</label>
        <input id={`${id}-note`} type="text" maxLength={300} value={note.value} onInput={(e) => (note.value = e.currentTarget.value)} />
        <div class="grant-actions">
          <button type="submit" class="primary" disabled={busy.value}>
            {t('grantSave')}
          </button>
          {current && (
            <button type="button" disabled={busy.value} onClick={() => void revoke()}>
              {t('grantRevoke')}
            </button>
          )}
          <button type="button" onClick={close}>
            {t('grantClose')}
          </button>
        </div>
        <p role="status" class={message.value?.error ? 'error' : 'muted'} data-testid="grant-message">
          {message.value?.text ?? ''}
          {message.value && !message.value.error && (
            <>
              {' '}
              <a href="coordinator.html">{t('grantPublishLink')}</a>
            </>
          )}
        </p>
      </form>
    </section>
  );
}
