import { sessionText } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { PlanSession } from '../../lib/model/plan';

// The period's discussion sessions, for signing up to one (a team-folder member only: the
// sign-up reaches the coordinator through the folder).

interface Props {
  sessions: PlanSession[];
  signedUp: ReadonlySet<string>;
  /** Sign-ups per session at the last sync, this member's included. */
  counts: Readonly<Record<string, number>>;
  onSignUp: (sessionId: string, cancel: boolean) => void;
}

export function SessionSignup({ sessions, signedUp, counts, onSignUp }: Props) {
  if (sessions.length === 0) return null;
  return (
    <section aria-labelledby="signup-heading" class="signup" data-testid="signup">
      <h3 id="signup-heading">{t('signupHeading')}</h3>
      <ul>
        {sessions.map((session) => {
          const mine = signedUp.has(session.id);
          const taken = counts[session.id] ?? 0;
          const left = session.capacity === undefined ? null : session.capacity - taken;
          return (
            <li key={session.id}>
              <span>{sessionText(session)}</span>{' '}
              {left !== null && (
                <span class={left < 0 ? 'error' : 'muted'}>{left > 0 ? t('placesLeft', left) : t('noPlacesLeft')}</span>
              )}{' '}
              {mine ? (
                <>
                  <strong>{t('signedUp')}</strong>{' '}
                  <button type="button" onClick={() => onSignUp(session.id, true)}>
                    {t('cancelSignup')}
                  </button>
                </>
              ) : (
                <button type="button" disabled={left !== null && left <= 0} onClick={() => onSignUp(session.id, false)}>
                  {t('signUp')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
