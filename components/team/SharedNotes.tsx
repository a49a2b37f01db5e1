import { t } from '../../lib/text/i18n';
import type { TeamOverview } from '../../lib/team/overview';

// The reflections members shared for the discussion, grouped by course; printable.

export function SharedNotes(props: { notes: TeamOverview['notes']; print: () => void }) {
  return (
    <section aria-labelledby="notes-heading" data-testid="team-notes">
      <h2 id="notes-heading">{t('teamNotesHeading')}</h2>
      <p class="no-print">
        <button type="button" onClick={props.print}>
          {t('teamPrint')}
        </button>
      </p>
      {props.notes.length === 0 && <p class="muted">{t('teamNoNotes')}</p>}
      {props.notes.map((group) => (
        <article key={group.key} class="note-group">
          <h3>{group.title}</h3>
          <ul>
            {group.notes.map((note, i) => (
              <li key={i}>
                <p class="note-text">{note.text}</p>
                <p class="muted">— {note.author}</p>
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  );
}
