import { sessionText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { OverviewSession } from '../../lib/team/overview';
import { Meter } from './Meter';

// Who signed up for which discussion session: each session with a capacity as a bar filling
// up (taken of the places, "Fullt" when none are left, over-booking flagged), then the names.

function SessionMeter({ s }: { s: OverviewSession }) {
  const capacity = s.session.capacity;
  if (capacity === undefined) return <span class="muted">{t('teamSignedUpCount', s.names.length)}</span>;
  const taken = s.names.length;
  const state = s.overbooked ? 'over' : s.placesLeft === 0 ? 'full' : undefined;
  return (
    <span class="session-capacity">
      <Meter
        value={taken}
        max={capacity}
        label={t('teamSessionPlacesLabel', sessionText(s.session))}
        valueText={t('teamSessionTaken', [taken, capacity])}
        shown={t('teamSessionTaken', [taken, capacity])}
        state={state}
        testId="session-meter"
      />{' '}
      {state === 'over' ? (
        <strong class="error">{t('teamOverbooked', -(s.placesLeft ?? 0))}</strong>
      ) : state === 'full' ? (
        <strong class="session-full">{t('teamSessionFull')}</strong>
      ) : (
        <span class="muted">{t('placesLeft', s.placesLeft ?? 0)}</span>
      )}
    </span>
  );
}

export function SessionSignups(props: { sessions: readonly OverviewSession[] }) {
  return (
    <section aria-labelledby="sessions-heading" data-testid="team-sessions">
      <h2 id="sessions-heading">{t('sessionsHeading')}</h2>
      {props.sessions.length === 0 && <p>{t('noSession')}</p>}
      <ul class="sessions-list">
        {props.sessions.map((s) => (
          <li key={s.session.id} data-session-id={s.session.id}>
            <strong>{sessionText(s.session)}</strong>
            <br />
            <SessionMeter s={s} />
            <br />
            {s.names.length ? s.names.join(', ') : <span class="muted">{t('teamNoSignups')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
