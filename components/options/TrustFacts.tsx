import { useSignal } from '@preact/signals';
import { dayMonth, fingerprintText } from '../../lib/text/format';
import { t, uiLocale, type MessageKey } from '../../lib/text/i18n';
import { formatTime, todayInSweden } from '../../lib/time/dates';
import type { PlanSource, StoredPlan, TrustState } from '../../lib/model/stored';

// Who signed the plan in force, which coordinator's key this browser trusts (the first one it
// saw), the last plan refused for its signature, and the one deliberate way to trust another
// key: forgetting this one.

const REFUSED_FROM: Partial<Record<PlanSource['kind'], MessageKey>> = {
  folder: 'refusedFromFolder',
  url: 'refusedFromUrl',
  managed: 'refusedFromUrl',
  file: 'refusedFromFile',
};

function when(instant: string): string {
  const at = new Date(instant);
  return `${dayMonth(todayInSweden(at))} ${formatTime(at, uiLocale())}`;
}

export interface TrustFactsProps {
  stored: StoredPlan | undefined;
  trust: TrustState | undefined;
  forget: () => Promise<void>;
}

export function TrustFacts({ stored, trust, forget }: TrustFactsProps) {
  const forgotten = useSignal(false);
  const pinned = trust?.pinned;
  const refused = trust?.refused;
  return (
    <div class="trust" data-testid="plan-trust">
      <dl class="plan-facts">
        {stored && (
          <>
            <dt>{t('planSignatureLabel')}</dt>
            <dd data-testid="plan-signature">{stored.signedBy ? t('planSignedBy', fingerprintText(stored.signedBy)) : t('planUnsigned')}</dd>
          </>
        )}
        <dt>{t('trustedKeyLabel')}</dt>
        <dd data-testid="trusted-key">{pinned ? t('trustedKeyPinned', [fingerprintText(pinned.fingerprint), when(pinned.since)]) : t('trustedKeyNone')}</dd>
      </dl>
      {refused && (
        <p role="alert" class="error" data-testid="plan-refused">
          {t('planTrustRefused', [t(REFUSED_FROM[refused.source] ?? 'refusedFromFile'), when(refused.at)])} {t(refused.error)} {t('previousPlanKept')}
        </p>
      )}
      {pinned && (
        <p>
          <button
            type="button"
            aria-describedby="forget-key-hint"
            onClick={async () => {
              await forget();
              forgotten.value = true;
            }}
          >
            {t('trustedKeyForget')}
          </button>{' '}
          <span id="forget-key-hint" class="hint">
            {t('trustedKeyForgetHint')}
          </span>
        </p>
      )}
      {forgotten.value && !pinned && (
        <p role="status" class="ok">
          {t('trustedKeyForgotten')}
        </p>
      )}
    </div>
  );
}
