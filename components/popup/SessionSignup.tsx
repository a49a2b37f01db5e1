import { sessionText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { SessionGroup } from '../../lib/time/periods';

// The discussion sessions still ahead, by period, for signing up to one (a team-folder member
// only: the sign-up reaches the coordinator through the folder).

interface Props {
  groups: readonly SessionGroup[];
  signedUp: ReadonlySet<string>;
  /** Sign-ups per session at the last sync, this member's included. */
  counts: Readonly<Record<string, number>>;
  onSignUp: (sessionId: string, cancel: boolean) => void;
}

export function SessionSignup({ groups, signedUp, counts, onSignUp }: Props) {
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="signup-heading" class="signup" data-testid="signup">
      <h3 id="signup-heading">{t('signupHeading')}</h3>
      {groups.map(({ period, sessions }) => (
        <div key={period.id} class="signup-period" data-period-id={period.id}>
          <h4 id={`signup-${period.id}`}>{t('signupPeriod', period.title)}</h4>
          <ul aria-labelledby={`signup-${period.id}`}>
            {sessions.map((session) => {
              const mine = signedUp.has(session.id);
              const taken = counts[session.id] ?? 0;
              const left = session.capacity === undefined ? null : session.capacity - taken;
              const when = `session-${session.id}`;
              return (
                <li key={session.id} data-session-id={session.id}>
                  <span id={when}>{sessionText(session)}</span>{' '}
                  {left !== null && (
                    <span class={left < 0 ? 'error' : 'muted'}>{left > 0 ? t('placesLeft', left) : t('noPlacesLeft')}</span>
                  )}{' '}
                  {mine ? (
                    <>
                      <strong>{t('signedUp')}</strong>{' '}
                      <button type="button" aria-describedby={when} onClick={() => onSignUp(session.id, true)}>
                        {t('cancelSignup')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      aria-describedby={when}
                      disabled={left !== null && left <= 0}
                      onClick={() => onSignUp(session.id, false)}
                    >
                      {t('signUp')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
