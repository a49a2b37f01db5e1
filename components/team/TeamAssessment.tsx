import { t, uiLocale } from '../../lib/text/i18n';
import type { MemberFile } from '../../lib/model/member';
import { teamAssessment } from '../../lib/team/overview';
import { AssessmentChart } from '../shared/AssessmentChart';

// The team's self-assessment averages per competence area, start against end.

export function TeamAssessment(props: { members: readonly MemberFile[] }) {
  const assessment = teamAssessment(props.members);
  return (
    <section aria-labelledby="team-assessment-heading" data-testid="team-assessment">
      <h2 id="team-assessment-heading">{t('teamAssessmentHeading')}</h2>
      {assessment.startCount === 0 && assessment.endCount === 0 ? (
        <p class="muted">{t('teamNoAssessments')}</p>
      ) : (
        <>
          <p>{t('teamAssessmentCounts', [assessment.startCount, assessment.endCount])}</p>
          <AssessmentChart start={assessment.start} end={assessment.end} locale={uiLocale()} />
        </>
      )}
    </section>
  );
}
