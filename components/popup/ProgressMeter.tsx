import { t, type MessageKey } from '../../lib/text/i18n';
import type { PaceStanding, Tally } from '../../lib/time/periods';

// The required courses as a bar, with a line where an even pace would be tonight. The bar is
// a progressbar named by the visible tally and described by the sentence about the line, so
// a screen reader hears the same words a sighted member reads.

interface Props {
  required: Tally;
  /** 0–1: how far through its time (to the member's deadline) the period is by tonight. */
  paceShare: number;
  expected: number;
  standing: PaceStanding;
  /** Unique per period view: a popup can show two. */
  idPrefix: string;
}

const STANDING_TEXT: Record<Exclude<PaceStanding, 'done'>, MessageKey> = { behind: 'meterBehind', onPace: 'meterOnPace', ahead: 'meterAhead' };

const percent = (share: number) => `${(Math.min(1, Math.max(0, share)) * 100).toFixed(1)}%`;

export function ProgressMeter({ required, paceShare, expected, standing, idPrefix }: Props) {
  const label = t('requiredDone', [required.done, required.total]);
  const tallyId = `${idPrefix}-tally`;
  const paceId = `${idPrefix}-pace-line`;
  const showPace = standing !== 'done' && required.total > 0;
  return (
    <div class={`meter ${standing}`} data-testid="meter">
      <p class="meter-label" id={tallyId} data-testid="tally">
        {label}
      </p>
      <div
        class="meter-bar"
        role="progressbar"
        aria-labelledby={tallyId}
        aria-valuemin={0}
        aria-valuemax={required.total}
        aria-valuenow={required.done}
        aria-valuetext={label}
        {...(showPace ? { 'aria-describedby': paceId } : {})}
      >
        <span class="meter-fill" style={{ width: percent(required.total ? required.done / required.total : 0) }} />
        {showPace && <span class="meter-marker" data-testid="pace-marker" style={{ left: percent(paceShare) }} />}
      </div>
      {showPace && (
        <p class="meter-pace" id={paceId} data-testid="pace-standing">
          <span class="meter-key" aria-hidden="true" />
          {t(STANDING_TEXT[standing as Exclude<PaceStanding, 'done'>], [expected, required.total])}
        </p>
      )}
    </div>
  );
}
