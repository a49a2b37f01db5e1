import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { Note } from '../../lib/model/note';
import type { Plan } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import type { Phase, SelfAssessmentRecord } from '../../lib/model/self-assessment';
import { buildReport, reportCsv } from '../../lib/domain/report';
import { AssessmentChart } from '../shared/AssessmentChart';
import { DEFAULT_SCALE, type Scale } from '../../lib/model/competence-areas';
import { ManualAssessment } from './ManualAssessment';
import { MyYear } from './MyYear';
import { DoneTimeline } from './DoneTimeline';
import { doneByMonth } from '../../lib/domain/done-by-month';
import { formatLongDate, todayInSweden } from '../../lib/time/dates';
import { ReadFailedNotice, StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './report.css';

// The report for the development talk (medarbetarsamtal), printed to PDF from the browser.

export interface ReportProps {
  load: () => Promise<{
    plan: Plan | undefined;
    progress: ProgressRecord[];
    assessments: SelfAssessmentRecord[];
    notes: Note[];
    name: string | undefined;
  }>;
  saveAssessment: (input: { takenAt: string; scale: Scale; scores: Record<string, number>; phase: Phase }) => Promise<{ ok: boolean }>;
  download: (fileName: string, text: string, type: string) => void;
  calendar: () => Promise<void>;
  print: () => void;
  subscribe: (listener: () => void) => () => void;
  locale: string;
  now?: () => Date;
}

function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours ? (rest ? t('hoursMinutes', [hours, rest]) : t('hoursOnly', hours)) : t('minutesOnly', rest);
}

export function ReportApp(props: ReportProps) {
  const data = useSignal<Awaited<ReturnType<ReportProps['load']>> | null>(null);
  const include = useSignal<Set<string>>(new Set());
  const failed = useSignal(false);
  const refresh = () => readInto(props.load(), (read) => (data.value = read), failed);
  useEffect(() => {
    void refresh().then(() => {
      if (data.value && location.hash === '#self-assessment') document.getElementById('score-0')?.focus();
    });
    return props.subscribe(() => void refresh());
  }, []);
  const d = data.value;
  if (!d) return failed.value ? <StoreUnavailable title={t('reportTitle')} /> : <main class="report-app" aria-busy="true" />;
  const report = buildReport(d.plan, d.progress, d.assessments, d.notes, include.value);
  const today = (props.now ?? (() => new Date()))();
  const notesByCourse = new Map<string, Note[]>();
  for (const note of d.notes.filter((n) => !n.deleted && n.text.trim())) notesByCourse.set(note.courseTitle ?? note.courseKey, [...(notesByCourse.get(note.courseTitle ?? note.courseKey) ?? []), note]);
  return (
    <main class="report-app">
      <header class="report-header">
        <h1>{t('reportTitle')}</h1>
        <dl class="report-who" data-testid="report-who">
          {d.name && (
            <div>
              <dt>{t('reportNameLabel')}</dt>
              <dd data-testid="report-name">{d.name}</dd>
            </div>
          )}
          {d.plan && (
            <div>
              <dt>{t('reportTeamLabel')}</dt>
              <dd data-testid="report-team">{d.plan.team.name}</dd>
            </div>
          )}
          <div>
            <dt>{t('reportDateLabel')}</dt>
            <dd data-testid="report-date">{formatLongDate(todayInSweden(today), props.locale)}</dd>
          </div>
        </dl>
        <p class="no-print row">
          <button type="button" class="primary" onClick={props.print}>
            {t('reportPrint')}
          </button>
          <button
            type="button"
            onClick={() =>
              props.download(
                'kurskompis-medarbetarsamtal.csv',
                reportCsv(report, { period: t('csvPeriod'), area: t('csvArea'), course: t('csvCourse'), completed: t('csvCompleted'), minutes: t('csvMinutes') }),
                'text/csv;charset=utf-8',
              )
            }
          >
            {t('reportCsv')}
          </button>
          <button type="button" onClick={() => void props.calendar()}>
            {t('addToCalendar')}
          </button>
        </p>
      </header>
      {failed.value && <ReadFailedNotice />}

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">{t('reportCoursesHeading')}</h2>
        <p data-testid="report-summary">
          {t('reportSummary', [report.courses, duration(report.minutes)])}
          {report.withoutTime > 0 && ` ${t('reportWithoutTime', report.withoutTime)}`}
        </p>
        {report.groups.map((group, i) => (
          <div key={i} class="report-group">
            <h3>
              {(group.competenceArea && !group.title.includes(group.competenceArea) ? [group.title, group.competenceArea] : [group.title])
                .filter(Boolean)
                .join(' – ') || t('reportOtherCourses')}
            </h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('csvCourse')}</th>
                  <th scope="col">{t('csvCompleted')}</th>
                  <th scope="col">{t('reportTime')}</th>
                </tr>
              </thead>
              <tbody>
                {group.courses.map((c) => (
                  <tr key={c.key}>
                    <td>{c.title}</td>
                    <td>{dayMonth(c.completedOn)} {c.completedOn.slice(0, 4)}</td>
                    <td>{c.minutes !== undefined ? duration(c.minutes) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>

      <DoneTimeline data={doneByMonth(d.progress, today)} locale={props.locale} />

      <MyYear plan={d.plan} progress={d.progress} now={today} />

      <section aria-labelledby="assessment-heading" id="self-assessment" class="report-section">
        <h2 id="assessment-heading">{t('reportAssessmentHeading')}</h2>
        {report.start || report.end ? (
          <>
            <p>
              {report.start && t('reportAssessmentStart', dayMonth(report.start.takenAt))} {report.end && t('reportAssessmentEnd', dayMonth(report.end.takenAt))}
            </p>
            {report.scalesDiffer && report.start && report.end ? (
              <>
                <p data-testid="scales-differ">{t('assessmentScalesDiffer', [String(report.start.scale), String(report.end.scale)])}</p>
                <AssessmentChart start={report.start.scores} scale={report.start.scale} locale={props.locale} id="chart-start" />
                <AssessmentChart end={report.end.scores} scale={report.end.scale} locale={props.locale} id="chart-end" />
              </>
            ) : (
              <AssessmentChart start={report.start?.scores} end={report.end?.scores} scale={(report.end ?? report.start)?.scale ?? DEFAULT_SCALE} locale={props.locale} />
            )}
          </>
        ) : (
          <p>{t('reportNoAssessment')}</p>
        )}
        <details class="no-print">
          <summary>{t('assessmentTypeIn')}</summary>
          <ManualAssessment save={props.saveAssessment} />
        </details>
      </section>

      <section aria-labelledby="report-notes-heading" class={report.notes.length ? 'report-notes-section' : 'no-print'}>
        <h2 id="report-notes-heading">{t('reportNotesHeading')}</h2>
        <p class="no-print muted">{t('reportNotesExplain')}</p>
        {[...notesByCourse].map(([course, notes]) => (
          <div key={course} class={`report-notes ${notes.some((n) => include.value.has(n.id)) ? '' : 'no-print'}`}>
            <h3>{course}</h3>
            <ul>
              {notes.map((note) => (
                <li key={note.id} class={include.value.has(note.id) ? '' : 'no-print'}>
                  <label class="check no-print">
                    <input
                      type="checkbox"
                      checked={include.value.has(note.id)}
                      onChange={(e) => {
                        const next = new Set(include.value);
                        if ((e.currentTarget as HTMLInputElement).checked) next.add(note.id);
                        else next.delete(note.id);
                        include.value = next;
                      }}
                    />{' '}
                    {t('reportIncludeNote')}
                  </label>
                  <p class="note-text">{note.text}</p>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>
    </main>
  );
}
