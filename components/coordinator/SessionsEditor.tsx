import { newSession, type DraftPeriod, type DraftSession } from '../../lib/coordinator/draft';
import { t } from '../../lib/text/i18n';
import { Field, FieldError } from './problems';

// The discussion sessions of a period: day, start and end in Swedish time, place or meeting
// link, and how many can sign up.

interface SessionsEditorProps {
  path: string;
  period: DraftPeriod;
  onChange: (sessions: DraftSession[]) => void;
}

export function SessionsEditor({ path, period, onChange }: SessionsEditorProps) {
  const sessions = period.sessions;
  const update = (index: number, patch: Partial<DraftSession>) =>
    onChange(sessions.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  return (
    <div class="sessions">
      {sessions.length === 0 && <p class="muted">{t('noSessionsYet')}</p>}
      {sessions.map((session, index) => {
        const at = `${path}.sessions[${index}]`;
        return (
          <fieldset class="session" key={session.id} data-testid="plan-session">
            <legend>{t('sessionNumber', index + 1)}</legend>
            <div class="session-grid">
              <Field path={`${at}.starts`} label={t('sessionDate')} type="date" value={session.date} onInput={(date) => update(index, { date })} />
              <Field
                path={`${at}.startTime`}
                label={t('sessionStartTime')}
                type="time"
                value={session.startTime}
                onInput={(startTime) => update(index, { startTime })}
              />
              <Field path={`${at}.ends`} label={t('sessionEndTime')} type="time" value={session.endTime} onInput={(endTime) => update(index, { endTime })} />
              <Field path={`${at}.capacity`} label={t('sessionCapacity')} inputMode="numeric" value={session.capacity} onInput={(capacity) => update(index, { capacity })} />
              <Field
                class="wide"
                path={`${at}.place`}
                label={t('sessionPlace')}
                hint={t('sessionPlaceHint')}
                value={session.place}
                onInput={(place) => update(index, { place })}
              />
            </div>
            <FieldError path={at} />
            <button type="button" onClick={() => onChange(sessions.filter((_, i) => i !== index))}>
              {t('removeSession')}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...sessions, newSession(period)])}>
        {t('addSession')}
      </button>
    </div>
  );
}
