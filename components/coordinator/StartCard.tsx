import { useSignal } from '@preact/signals';
import { t } from '../../lib/text/i18n';
import type { Plan } from '../../lib/model/plan';
import { PLAN_MAX_BYTES } from '../../lib/model/limits';
import type { StoredPlan } from '../../lib/model/stored';
import { FilePicker } from '../shared/FilePicker';

// The ways into the editor: a new plan, a plan file, or the plan already in force here.

interface StartCardProps {
  active: StoredPlan | undefined;
  onCreate: (teamName: string) => void;
  onOpenText: (text: string) => void;
  onFromActive: (plan: Plan) => void;
}

export function StartCard({ active, onCreate, onOpenText, onFromActive }: StartCardProps) {
  const teamName = useSignal('');
  return (
    <>
      <section class="card" aria-labelledby="new-plan-heading">
        <h2 id="new-plan-heading">{t('newPlanHeading')}</h2>
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            if (teamName.value.trim()) onCreate(teamName.value.trim());
          }}
        >
          <div class="grow">
            <label for="new-team-name">{t('teamNameLabel')}</label>
            <input
              id="new-team-name"
              type="text"
              required
              value={teamName.value}
              onInput={(e) => (teamName.value = (e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          <button type="submit" class="primary">
            {t('createPlan')}
          </button>
        </form>
      </section>
      <section class="card" aria-labelledby="open-plan-heading">
        <h2 id="open-plan-heading">{t('openPlanHeading')}</h2>
        <FilePicker
          id="open-plan-file"
          label={t('planFileLabel')}
          accept=".json,application/json"
          onFiles={async ([file]) => {
            if (!file) return;
            onOpenText(file.size > PLAN_MAX_BYTES ? 'x'.repeat(PLAN_MAX_BYTES + 1) : await file.text());
          }}
        />
        {active && (
          <p>
            <button type="button" onClick={() => onFromActive(active.plan)}>
              {t('startFromActive', active.plan.team.name)}
            </button>
          </p>
        )}
      </section>
    </>
  );
}
