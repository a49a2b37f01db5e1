import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { formatLongDate, todayInSweden } from '../../lib/time/dates';
import { t, uiLocale } from '../../lib/text/i18n';
import { areaLabel } from '../../lib/text/areas';
import type { Plan } from '../../lib/model/plan';
import type { Answer } from '../../lib/messages/protocol';
import { ASSESSMENT_AREAS } from '../../lib/model/self-assessment';
import type { ScaleAssessment } from '../../lib/team/overview';
import { managementSummary, summaryCsv, type CourseScore, type EvaluationSummary, type ManagementSummary, type PeriodSummary } from '../../lib/team/summary';
import { BUILD_PLAN, JOIN_FOLDER, LOAD_PLAN, NextSteps } from '../shared/NextSteps';
import { StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './summary.css';

// One printable page for management: the team's figures per period and the self-assessment
// start against end, with no member named. Black on white, meaning in words and symbols, so a
// greyscale print says all the screen says.

export interface SummaryProps {
  load: () => Promise<{ plan: Plan | undefined; reading: Answer<'teamMembers'> }>;
  download: (fileName: string, text: string) => void;
  print: () => void;
  now?: () => Date;
}

const decimal = (value: number) => value.toLocaleString(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const change = (value: number) => {
  const text = value.toLocaleString(uiLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
  return `${value > 0 ? '↑' : value < 0 ? '↓' : '='} ${text}`;
};

function longDate(date: string): string {
  return formatLongDate(date, uiLocale());
}

function courseCell(evaluation: EvaluationSummary, which: 'top' | 'bottom'): string {
  if (evaluation.kind === 'tooFew') return t('summaryTooFew');
  if (evaluation.kind === 'even') return t('summaryEven', decimal(evaluation.usefulness));
  const list: CourseScore[] = evaluation[which];
  return list.map((c) => t('summaryCourseScore', [c.title, decimal(c.usefulness)])).join('; ');
}

function PeriodRow({ period }: { period: PeriodSummary }) {
  const f = period.figures;
  return (
    <tr data-period-id={period.id}>
      <th scope="row">
        {period.title}
        <span class="dates">
          {dayMonth(period.starts)}–{dayMonth(period.deadline)}
        </span>
      </th>
      {!f ? (
        <td colSpan={5}>{t('summaryPaused')}</td>
      ) : (
        <>
          <td class="count" data-testid="finished">
            {f.finishedPercent === null ? t('summaryNoRequired') : t('summaryFinished', [f.finishedPercent, f.finished, f.members])}
          </td>
          <td class="count">{t('summaryOutOf', [f.held, f.sessions])}</td>
          <td class="count">{t('summaryOutOf', [f.signedUp, f.members])}</td>
          <td class="course">{courseCell(f.evaluation, 'top')}</td>
          <td class="course">{courseCell(f.evaluation, 'bottom')}</td>
        </>
      )}
    </tr>
  );
}

function AssessmentTable({ group }: { group: ScaleAssessment }) {
  return (
    <>
      <table class="summary-table assessment" data-testid={`summary-assessment-${group.scale}`}>
        <caption>{t('summaryAssessmentCaption', String(group.scale))}</caption>
        <thead>
          <tr>
            <th scope="col">{t('summaryColArea')}</th>
            <th scope="col">{t('summaryColStart')}</th>
            <th scope="col">{t('summaryColEnd')}</th>
            <th scope="col">{t('summaryColChange')}</th>
          </tr>
        </thead>
        <tbody>
          {ASSESSMENT_AREAS.map((area) => {
            const start = group.start[area];
            const end = group.end[area];
            return (
              <tr key={area}>
                <th scope="row">{areaLabel(area)}</th>
                <td>{start === undefined ? '–' : decimal(start)}</td>
                <td>{end === undefined ? '–' : decimal(end)}</td>
                <td>{start === undefined || end === undefined ? '–' : change(Math.round((end - start) * 10) / 10)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="note">{t('summaryScaleCounts', [group.scale, group.startCount, group.endCount])}</p>
    </>
  );
}

function Figures({ summary }: { summary: ManagementSummary }) {
  const { scales } = summary.assessment;
  return (
    <>
      <section aria-labelledby="summary-periods-heading">
        <h2 id="summary-periods-heading">{t('summaryPeriodsHeading')}</h2>
        {summary.periods.length === 0 ? (
          <p>{t('summaryNoPeriods')}</p>
        ) : (
          <>
            <table class="summary-table periods" data-testid="summary-periods">
              <caption class="visually-hidden">{t('summaryPeriodsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('summaryColPeriod')}</th>
                  <th scope="col">{t('summaryColFinished')}</th>
                  <th scope="col">{t('summaryColHeld')}</th>
                  <th scope="col">{t('summaryColSignedUp')}</th>
                  <th scope="col">{t('summaryColTop')}</th>
                  <th scope="col">{t('summaryColBottom')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.periods.map((period) => (
                  <PeriodRow key={period.id} period={period} />
                ))}
              </tbody>
            </table>
            <p class="note">{t('summaryEvaluationNote')}</p>
          </>
        )}
      </section>
      <section aria-labelledby="summary-assessment-heading" class="assessment-section">
        <h2 id="summary-assessment-heading">{t('summaryAssessmentHeading')}</h2>
        {scales.length === 0 && <p>{t('teamNoAssessments')}</p>}
        {scales.length > 1 && <p>{t('teamAssessmentScalesDiffer')}</p>}
        <div class="assessment-tables">
          {scales.map((group) => (
            <div key={group.scale}>
              <AssessmentTable group={group} />
            </div>
          ))}
        </div>
      </section>
    </>
  );
}

export function SummaryApp(props: SummaryProps) {
  const now = props.now ?? (() => new Date());
  const plan = useSignal<Plan | undefined>(undefined);
  const reading = useSignal<Answer<'teamMembers'> | null>(null);

  const failed = useSignal(false);

  useEffect(() => {
    void readInto(
      props.load(),
      (loaded) => {
        plan.value = loaded.plan;
        reading.value = loaded.reading;
      },
      failed,
    );
  }, []);

  if (!reading.value) return failed.value ? <StoreUnavailable title={t('summaryTitle')} /> : <main class="summary-app" aria-busy="true" />;
  const answer = reading.value;
  const members = answer.ok ? answer.members : [];
  const summary = plan.value && members.length > 0 ? managementSummary(plan.value, members, now()) : null;
  const today = summary?.today ?? todayInSweden(now());

  const csv = () => {
    if (!summary) return;
    props.download(
      `kurskompis-sammanfattning-${summary.today}.csv`,
      summaryCsv(summary, {
        period: t('summaryColPeriod'),
        starts: t('summaryCsvStarts'),
        deadline: t('summaryCsvDeadline'),
        paused: t('summaryCsvPaused'),
        members: t('summaryCsvMembers'),
        finished: t('summaryCsvFinished'),
        finishedPercent: t('summaryCsvPercent'),
        held: t('summaryColHeld'),
        sessions: t('summaryCsvSessions'),
        signedUp: t('summaryColSignedUp'),
        top: t('summaryColTop'),
        bottom: t('summaryColBottom'),
        tooFew: t('summaryCsvTooFew'),
        even: t('summaryCsvEven'),
        area: t('summaryColArea'),
        scale: t('summaryCsvScale'),
        start: t('summaryColStart'),
        end: t('summaryColEnd'),
        areaName: areaLabel,
        decimal,
      }),
    );
  };

  return (
    <main class="summary-app">
      <header>
        <h1>{t('summaryTitle')}</h1>
        <p data-testid="summary-meta">{plan.value ? t('summaryMeta', [plan.value.team.name, longDate(today)]) : longDate(today)}</p>
        {summary && (
          <>
            <p class="note">{t('summaryMembers', summary.members)}</p>
            <p class="no-print actions">
              <button type="button" class="primary" onClick={() => props.print()}>
                {t('summaryPrint')}
              </button>{' '}
              <button type="button" onClick={csv}>
                {t('summaryCsv')}
              </button>
            </p>
          </>
        )}
      </header>
      <div data-testid="summary-empty">
        {!plan.value && <p>{t('summaryNoPlan')}</p>}
        {!plan.value && <NextSteps steps={[LOAD_PLAN(), BUILD_PLAN()]} />}
        {plan.value && !answer.ok && answer.error === 'teamNoFolder' && <NextSteps steps={[JOIN_FOLDER()]} />}
        {!answer.ok && <p>{answer.error === 'teamNoFolder' ? t('summaryNoFolder') : t('summaryFolderUnread', t(answer.error))}</p>}
        {answer.ok && members.length === 0 && <p>{t('summaryNoMembers')}</p>}
      </div>
      {summary && <Figures summary={summary} />}
    </main>
  );
}
