import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { dayMonth, folderErrorText, sessionText } from '../../lib/text/format';
import { t, uiLocale, type MessageKey } from '../../lib/text/i18n';
import { mergeById } from '../../lib/domain/merge';
import { parseMemberText, type MemberFile } from '../../lib/model/member';
import type { Plan } from '../../lib/model/plan';
import { discussionPeriod } from '../../lib/time/periods';
import type { Answer } from '../../lib/messages/protocol';
import type { SkipReason } from '../../lib/model/results';
import { overviewCsv, teamAssessment, teamOverview } from '../../lib/team/overview';
import { AssessmentChart } from '../shared/AssessmentChart';
import './team.css';

// The coordinator's overview of the team: progress grid, discussion sign-ups, the notes shared
// for the discussion (printable) and a CSV for Excel. Member files come from the team folder,
// or are read in by hand by a team without one.

export interface TeamOverviewProps {
  load: () => Promise<{ plan: Plan | undefined; reading: Answer<'teamMembers'> }>;
  download: (fileName: string, text: string) => void;
  print: () => void;
  now?: () => Date;
}

const SKIP_TEXT: Record<SkipReason, MessageKey> = {
  notJson: 'skip_notJson',
  tooLarge: 'skip_tooLarge',
  invalid: 'skip_invalid',
  wrongMember: 'skip_wrongMember',
  unreadable: 'skip_unreadable',
};

/** Copies of one member from the folder and from files: the newer one is shown. */
function combine(a: readonly MemberFile[], b: readonly MemberFile[]): MemberFile[] {
  return mergeById(a, b, (m) => m.memberId, (m) => m.updatedAt).merged;
}

export function TeamOverviewApp(props: TeamOverviewProps) {
  const now = props.now ?? (() => new Date());
  const plan = useSignal<Plan | undefined>(undefined);
  const reading = useSignal<Answer<'teamMembers'> | null>(null);
  const imported = useSignal<MemberFile[]>([]);
  const importSkipped = useSignal<Array<{ name: string; reason: SkipReason }>>([]);
  const periodId = useSignal<string | null>(null);

  useEffect(() => {
    void props.load().then((loaded) => {
      plan.value = loaded.plan;
      reading.value = loaded.reading;
      periodId.value = loaded.plan ? (discussionPeriod(loaded.plan, now())?.id ?? null) : null;
    });
  }, []);

  if (!reading.value) return <main class="team-app" aria-busy="true" />;
  const currentPlan = plan.value;
  const fromFolder = reading.value.ok ? reading.value.members : [];
  const members = combine(fromFolder, imported.value);
  const skipped = [...(reading.value.ok ? reading.value.skipped : []), ...importSkipped.value];
  const period = currentPlan?.periods.find((p) => p.id === periodId.value);
  const overview = period ? teamOverview(period, members) : null;

  const onFiles = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    const added: MemberFile[] = [];
    const refused: Array<{ name: string; reason: SkipReason }> = [];
    for (const file of files) {
      // A file named <memberId>.json must carry that id; a renamed copy is read as it says.
      const id = /^([A-Za-z0-9-]{8,100})\.json$/.exec(file.name)?.[1];
      const parsed = parseMemberText(await file.text(), id);
      if (parsed.ok) added.push(parsed.member);
      else refused.push({ name: file.name, reason: parsed.reason });
    }
    imported.value = combine(imported.value, added);
    importSkipped.value = [...importSkipped.value, ...refused];
    input.value = '';
  };

  return (
    <main class="team-app">
      <header>
        <h1>{t('teamOverviewTitle')}</h1>
        <p class="muted" data-testid="team-source">
          {reading.value.ok
            ? t('teamFromFolder', fromFolder.length)
            : reading.value.error === 'notJoined'
              ? t('teamNoFolder')
              : reading.value.error === 'messageRefused' || reading.value.error === 'messageUndelivered'
                ? `${t(reading.value.error)} ${t('teamFolderUnread')}`
                : `${folderErrorText(reading.value.error)} ${t('teamFolderUnread')}`}
          {imported.value.length > 0 && ` ${t('teamFromFiles', imported.value.length)}`}
        </p>
      </header>

      <section class="card no-print" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('teamImportHeading')}</h2>
        <label for="member-files">{t('teamImportLabel')}</label>
        <input id="member-files" type="file" multiple accept=".json,application/json" onChange={onFiles} />
      </section>

      {skipped.length > 0 && (
        <section class="card" aria-labelledby="skipped-heading" data-testid="skipped">
          <h2 id="skipped-heading">{t('teamSkippedHeading')}</h2>
          <ul>
            {skipped.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code> – {t(SKIP_TEXT[s.reason])}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!currentPlan && <p>{t('teamNoPlan')}</p>}
      {currentPlan && (
        <p class="no-print">
          <label for="period">{t('teamPeriodLabel')}</label>{' '}
          <select id="period" value={periodId.value ?? ''} onChange={(e) => (periodId.value = (e.currentTarget as HTMLSelectElement).value)}>
            {currentPlan.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({dayMonth(p.starts)}–{dayMonth(p.deadline)})
              </option>
            ))}
          </select>
        </p>
      )}

      {overview && (
        <>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading">{t('teamProgressHeading')}</h2>
            <p data-testid="team-summary">
              {t('teamSummary', [members.length, overview.finished.length, overview.notStarted.length])}
            </p>
            {overview.notStarted.length > 0 && <p>{t('teamNotStartedNames', overview.notStarted.join(', '))}</p>}
            {overview.finished.length > 0 && <p>{t('teamFinishedNames', overview.finished.join(', '))}</p>}
            <div class="grid-wrap">
              <table class="grid" data-testid="team-grid">
                <caption class="visually-hidden">{t('teamGridCaption', overview.period.title)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('teamNameColumn')}</th>
                    {overview.items.map((item) => (
                      <th scope="col" key={item.key}>
                        {item.title}
                        {item.optional && <span class="muted"> {t('teamOptionalMark')}</span>}
                      </th>
                    ))}
                    <th scope="col">{t('teamRequiredColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.rows.map((row) => (
                    <tr key={row.memberId}>
                      <th scope="row">{row.displayName}</th>
                      {row.cells.map((cell, i) => (
                        <td key={i} class={cell ?? 'none'}>
                          {cell === 'done' ? t('teamCellDone') : cell === 'started' ? t('teamCellStarted') : ''}
                        </td>
                      ))}
                      <td>
                        {row.requiredDone}/{overview.requiredTotal}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('teamDoneCount')}</th>
                    {overview.items.map((item) => (
                      <td key={item.key}>{item.doneCount}</td>
                    ))}
                    <td />
                  </tr>
                </tfoot>
              </table>
            </div>
            <p class="no-print">
              <button
                type="button"
                onClick={() =>
                  props.download(
                    `kurskompis-${overview.period.id}.csv`,
                    overviewCsv(overview, {
                      name: t('teamNameColumn'),
                      requiredDone: t('teamRequiredColumn'),
                      done: t('teamCellDoneText'),
                      started: t('teamCellStartedText'),
                    }),
                  )
                }
              >
                {t('teamCsv')}
              </button>
            </p>
          </section>

          <section aria-labelledby="sessions-heading" data-testid="team-sessions">
            <h2 id="sessions-heading">{t('sessionsHeading')}</h2>
            {overview.sessions.length === 0 && <p>{t('noSession')}</p>}
            <ul class="sessions-list">
              {overview.sessions.map((s) => (
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

          <section aria-labelledby="team-assessment-heading" data-testid="team-assessment">
            <h2 id="team-assessment-heading">{t('teamAssessmentHeading')}</h2>
            {(() => {
              const assessment = teamAssessment(members);
              if (assessment.startCount === 0 && assessment.endCount === 0) return <p class="muted">{t('teamNoAssessments')}</p>;
              return (
                <>
                  <p>{t('teamAssessmentCounts', [assessment.startCount, assessment.endCount])}</p>
                  <AssessmentChart start={assessment.start} end={assessment.end} locale={uiLocale()} />
                </>
              );
            })()}
          </section>

          <section aria-labelledby="notes-heading" data-testid="team-notes">
            <h2 id="notes-heading">{t('teamNotesHeading')}</h2>
            <p class="no-print">
              <button type="button" onClick={props.print}>
                {t('teamPrint')}
              </button>
            </p>
            {overview.notes.length === 0 && <p class="muted">{t('teamNoNotes')}</p>}
            {overview.notes.map((group) => (
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
        </>
      )}
    </main>
  );
}
