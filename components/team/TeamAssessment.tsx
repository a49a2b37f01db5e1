import { t, uiLocale } from '../../lib/text/i18n';
import type { MemberFile } from '../../lib/model/member';
import { teamAssessment } from '../../lib/team/overview';
import { AssessmentChart } from '../shared/AssessmentChart';

// The team's self-assessment averages per competence area, start against end, one chart per
// scale: results on 1–5 and on 1–7 are never averaged together.

export function TeamAssessment(props: { members: readonly MemberFile[] }) {
  const { scales } = teamAssessment(props.members);
  return (
    <section aria-labelledby="team-assessment-heading" data-testid="team-assessment">
      <h2 id="team-assessment-heading">{t('teamAssessmentHeading')}</h2>
      {scales.length === 0 ? (
        <p class="muted">{t('teamNoAssessments')}</p>
      ) : (
        <>
          {scales.length > 1 && <p data-testid="team-scales-differ">{t('teamAssessmentScalesDiffer')}</p>}
          {scales.map((group) => (
            <div key={group.scale}>
              {scales.length > 1 && <h3>{t('teamAssessmentScale', String(group.scale))}</h3>}
              <p>{t('teamAssessmentCounts', [group.startCount, group.endCount])}</p>
              <AssessmentChart start={group.start} end={group.end} scale={group.scale} locale={uiLocale()} id={`team-${group.scale}`} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
