import { useSignal } from '@preact/signals';
import { joinText } from '../../lib/coordinator/join-text';
import { t } from '../../lib/text/i18n';
import type { PlanAnswer } from '../../lib/messages/protocol';
import type { Plan } from '../../lib/model/plan';
import { PublishToFolder, type FolderPublishing } from './PublishToFolder';

// Handing the plan out: the file to download, how to publish it at an address, a text for
// colleagues, and the coordinator's own copy of the plan.

interface HandOutProps {
  valid: boolean;
  fileName: string;
  teamName: string;
  coordinatorName: string;
  coordinatorContact: string;
  planAddress: string;
  onPlanAddress: (value: string) => void;
  download: () => Promise<void>;
  useMyself: () => Promise<PlanAnswer>;
  copy: (text: string) => Promise<void>;
  /** Present when this browser is in a team folder. */
  folder?: FolderPublishing | undefined;
  savedPlan: () => Promise<Plan | undefined>;
}

export function HandOut(props: HandOutProps) {
  const copied = useSignal<'yes' | 'failed' | null>(null);
  const own = useSignal<PlanAnswer | null>(null);
  const text = joinText(props);
  return (
    <section class="card" aria-labelledby="handout-heading">
      <h2 id="handout-heading">{t('handOutHeading')}</h2>
      <p>{t('handOutIntro')}</p>
      <p class="row">
        <button type="button" class="primary" disabled={!props.valid} onClick={() => void props.download()} data-testid="download-plan">
          {t('downloadPlan', props.fileName)}
        </button>
        <button
          type="button"
          disabled={!props.valid}
          onClick={async () => {
            own.value = await props.useMyself();
          }}
        >
          {t('useMyself')}
        </button>
      </p>
      {!props.valid && <p class="muted">{t('handOutFixFirst')}</p>}
      {own.value && (
        <p role="status" class={own.value.ok ? 'ok' : 'error'} data-testid="use-myself-result">
          {own.value.ok ? t('usedMyself') : 'error' in own.value ? t(own.value.error) : t('planRejected')}
        </p>
      )}

      {props.folder && <PublishToFolder folder={props.folder} valid={props.valid} mine={props.savedPlan} />}

      <h3>{t('publishHeading')}</h3>
      <p>{t('publishExplain')}</p>
      <label for="plan-address">
        {t('publishAddressLabel')} <span class="hint">{t('publishAddressHint')}</span>
      </label>
      <input
        id="plan-address"
        type="url"
        placeholder="https://"
        value={props.planAddress}
        onInput={(e) => props.onPlanAddress((e.currentTarget as HTMLInputElement).value)}
      />

      <h3>{t('joinHeading')}</h3>
      <label for="join-text">{t('joinLabel')}</label>
      <textarea id="join-text" readOnly rows={8} value={text} data-testid="join-text" />
      <p class="row">
        <button
          type="button"
          onClick={async () => {
            try {
              await props.copy(text);
              copied.value = 'yes';
            } catch {
              copied.value = 'failed';
            }
          }}
        >
          {t('copyJoinText')}
        </button>
        <span role="status" class={copied.value === 'failed' ? 'error' : 'ok'}>
          {copied.value === 'yes' ? t('copied') : copied.value === 'failed' ? t('copyFailed') : ''}
        </span>
      </p>
    </section>
  );
}
