import { useSignal } from '@preact/signals';
import { formatTime, todayInSweden } from '../../lib/time/dates';
import { changeText, dayMonth } from '../../lib/text/format';
import { t, uiLocale } from '../../lib/text/i18n';
import type { Answer } from '../../lib/messages/protocol';
import type { Plan } from '../../lib/model/plan';
import { diffPlans } from '../../lib/domain/plan-diff';

// Publishing the plan to the team folder. When the folder holds a version this plan was not
// built on, both are shown with what differs, and the coordinator chooses.

export interface FolderPublishing {
  publish: (overwrite?: string) => Promise<Answer<'publishPlan'>>;
  take: (etag: string) => Promise<Answer<'takeFolderPlan'>>;
}

type Outcome = Answer<'publishPlan'> | Answer<'takeFolderPlan'>;

function when(plan: Plan): string {
  const at = new Date(plan.updatedAt);
  return `${dayMonth(todayInSweden(at))} ${formatTime(at, uiLocale())}`;
}

export function PublishToFolder({ folder, valid, mine }: { folder: FolderPublishing; valid: boolean; mine: () => Promise<Plan | undefined> }) {
  const result = useSignal<Outcome | null>(null);
  const own = useSignal<Plan | undefined>(undefined);
  const busy = useSignal(false);
  const run = async (action: () => Promise<Outcome>) => {
    busy.value = true;
    try {
      result.value = await action();
      own.value = await mine();
    } finally {
      busy.value = false;
    }
  };
  const r = result.value;
  const conflict = r && !r.ok && r.error === 'publishConflict' ? r.conflict : null;
  return (
    <div class="publish" data-testid="publish">
      <h3>{t('publishFolderHeading')}</h3>
      <p>{t('publishFolderExplain')}</p>
      <button type="button" class="primary" disabled={!valid || busy.value} onClick={() => void run(() => folder.publish())}>
        {t('publishFolder')}
      </button>
      {r?.ok && (
        <p role="status" class="ok">
          {t('publishedFolder')}
        </p>
      )}
      {r && !r.ok && r.error !== 'publishConflict' && (
        <p role="alert" class="error">
          {t(r.error)}
        </p>
      )}
      {conflict && (
        <div role="alert" class="conflict" data-testid="publish-conflict">
          <p>
            <strong>{t('publishConflict')}</strong>
          </p>
          <div class="conflict-sides">
            <div>
              <h4>{t('publishMine')}</h4>
              {own.value && <p class="muted">{t('planUpdatedAt', when(own.value))}</p>}
            </div>
            <div>
              <h4>{t('publishTheirs')}</h4>
              {conflict.remote ? <p class="muted">{t('planUpdatedAt', when(conflict.remote))}</p> : <p class="error">{t('publishTheirsBroken')}</p>}
            </div>
          </div>
          {conflict.remote && own.value && (
            <>
              <p>{t('publishDiffers')}</p>
              <ul>
                {diffPlans(conflict.remote, own.value).map((change, i) => (
                  <li key={i}>{changeText(change)}</li>
                ))}
              </ul>
            </>
          )}
          <p class="row">
            <button type="button" disabled={busy.value} onClick={() => void run(() => folder.publish(conflict.etag))}>
              {t('publishOverwrite')}
            </button>
            {conflict.remote && (
              <button
                type="button"
                disabled={busy.value}
                onClick={() =>
                  void run(() => folder.take(conflict.etag))
                }
              >
                {t('publishTakeTheirs')}
              </button>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
