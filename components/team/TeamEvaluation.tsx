import { t } from '../../lib/text/i18n';
import type { MemberFile } from '../../lib/model/member';
import type { Period } from '../../lib/model/plan';
import { courseEvaluations, discussionTurnout } from '../../lib/team/evaluations';
import { evaluationCsv } from '../../lib/team/evaluation-csv';

// What the team said of the period's courses ("Utvärdering"): answers, mean usefulness, real
// time against the stated time, the comments with a name only where it was shown, how many
// came to the discussions; and the table as CSV for Excel.

export interface TeamEvaluationProps {
  period: Period;
  members: readonly MemberFile[];
  /** The stated time per course key, from the coordinator's own browser. */
  stated: Readonly<Record<string, number>>;
  now: Date;
  download: (fileName: string, text: string) => void;
}

const decimal = (value: number) => value.toLocaleString('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DASH = '–';

export function TeamEvaluation({ period, members, stated, now, download }: TeamEvaluationProps) {
  const courses = courseEvaluations(period, members, (key) => stated[key]);
  const turnout = discussionTurnout(period, members, now);
  const answered = courses.some((c) => c.answers > 0);
  const labels = {
    course: t('teamEvalCourse'),
    answers: t('teamEvalAnswers'),
    usefulness: t('teamEvalMean'),
    minutes: t('teamEvalMinutes'),
    stated: t('teamEvalStated'),
    comments: t('teamEvalComments'),
  };
  return (
    <section aria-labelledby="evaluation-heading" data-testid="team-evaluation">
      <h2 id="evaluation-heading">{t('teamEvalTitle')}</h2>
      <p data-testid="turnout">{t('teamEvalTurnout', [turnout.took, turnout.members, turnout.held, turnout.sessions])}</p>
      {!answered && <p class="muted">{t('teamEvalNone')}</p>}
      {/* A region of its own in the tab order: on a narrow screen the table scrolls sideways, and the keyboard must reach that too. */}
      <div class="grid-wrap" tabIndex={0}>
        <table class="grid evaluation-table">
          <caption class="visually-hidden">{`${t('teamEvalTitle')}: ${period.title}`}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.course}</th>
              <th scope="col">{labels.answers}</th>
              <th scope="col">{labels.usefulness}</th>
              <th scope="col">{labels.minutes}</th>
              <th scope="col">{labels.stated}</th>
              <th scope="col">{labels.comments}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((c) => (
              <tr key={c.key}>
                <th scope="row">{c.title}</th>
                <td>{c.answers}</td>
                <td>{c.usefulness === null ? DASH : decimal(c.usefulness)}</td>
                <td>{c.minutes ?? DASH}</td>
                <td>{c.statedMinutes ?? DASH}</td>
                <td class="comments">
                  {c.comments.length > 0 && (
                    <ul>
                      {c.comments.map((comment, i) => (
                        <li key={i}>
                          <span class="note-text">{comment.text}</span>
                          {comment.name && <span class="muted"> – {comment.name}</span>}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="no-print">
        <button type="button" onClick={() => download(`kurskompis-utvardering-${period.id}.csv`, evaluationCsv(courses, labels))}>
          {t('teamEvalCsv')}
        </button>
      </p>
    </section>
  );
}
