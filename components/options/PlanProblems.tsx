import { problemText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import { MAX_PROBLEMS_SHOWN } from '../../lib/model/limits';
import type { PlanProblem } from '../../lib/model/plan-parse';

export function PlanProblems({ problems, previousKept = true }: { problems: PlanProblem[]; previousKept?: boolean }) {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  return (
    <div role="alert" class="problems" data-testid="plan-problems">
      <p class="error">
        <strong>{t('planRejected')}</strong> {previousKept && t('previousPlanKept')}
      </p>
      <ul>
        {shown.map((p, i) => (
          <li key={i}>{problemText(p)}</li>
        ))}
      </ul>
      {problems.length > shown.length && <p class="muted">{t('moreProblems', problems.length - shown.length)}</p>}
    </div>
  );
}
