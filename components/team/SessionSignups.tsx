import { sessionText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { OverviewSession } from '../../lib/team/overview';

// Who signed up for which discussion session, with the places left and over-booking flagged.

export function SessionSignups(props: { sessions: readonly OverviewSession[] }) {
  return (
    <section aria-labelledby="sessions-heading" data-testid="team-sessions">
      <h2 id="sessions-heading">{t('sessionsHeading')}</h2>
      {props.sessions.length === 0 && <p>{t('noSession')}</p>}
      <ul class="sessions-list">
        {props.sessions.map((s) => (
          <li key={s.session.id}>
            <strong>{sessionText(s.session)}</strong>{' '}
            {s.overbooked ? (
              <span class="error">{t('teamOverbooked', -(s.placesLeft ?? 0))}</span>
            ) : (
              s.placesLeft !== null && <span class="muted">{t('placesLeft', s.placesLeft)}</span>
            )}
            <br />
            {s.names.length ? s.names.join(', ') : <span class="muted">{t('teamNoSignups')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
