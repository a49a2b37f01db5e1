import { useSignal } from '@preact/signals';
import { todayInSweden } from '../../lib/time/dates';
import { t } from '../../lib/text/i18n';
import { DEFAULT_SCALE, SCALES, isOnScale, type Scale } from '../../lib/model/competence-areas';
import { ASSESSMENT_AREAS, type Phase } from '../../lib/model/self-assessment';
import { areaLabel } from '../../lib/text/areas';

// Typing the self-assessment result in by hand: the scale the test showed (seven points as
// documented, five for a result from before), five scores on it, the day, start or end.

interface Props {
  save: (input: { takenAt: string; scale: Scale; scores: Record<string, number>; phase: Phase }) => Promise<{ ok: boolean }>;
}

export function ManualAssessment({ save }: Props) {
  const values = useSignal<Record<string, string>>({});
  const takenAt = useSignal(todayInSweden());
  const phase = useSignal<Phase>('start');
  const scale = useSignal<Scale>(DEFAULT_SCALE);
  const errors = useSignal<Set<string>>(new Set());
  const status = useSignal<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const scores: Record<string, number> = {};
    const bad = new Set<string>();
    for (const area of ASSESSMENT_AREAS) {
      const value = Number((values.value[area] ?? '').replace(',', '.'));
      if (!isOnScale(value, scale.value) || (values.value[area] ?? '').trim() === '') bad.add(area);
      else scores[area] = value;
    }
    errors.value = bad;
    if (bad.size) {
      status.value = null;
      return;
    }
    const result = await save({ takenAt: takenAt.value, scale: scale.value, scores, phase: phase.value });
    status.value = result.ok ? t('assessmentSavedManual') : t('assessmentNotSaved');
  };
  return (
    <form class="manual" onSubmit={submit} id="self-assessment-form">
      <div class="row">
        <div>
          <label for="assessment-scale">{t('assessmentScale')}</label>
          <select
            id="assessment-scale"
            value={String(scale.value)}
            onChange={(e) => {
              scale.value = Number((e.currentTarget as HTMLSelectElement).value) as Scale;
              // A mark on a score already judged against the other scale would no longer be right.
              errors.value = new Set();
            }}
          >
            {[...SCALES].reverse().map((s) => (
              <option key={s} value={String(s)}>
                {t('assessmentScaleOption', String(s))}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div class="scores">
        {ASSESSMENT_AREAS.map((area, i) => (
          <div key={area}>
            <label for={`score-${i}`}>{areaLabel(area)}</label>
            <input
              id={`score-${i}`}
              type="text"
              inputMode="decimal"
              value={values.value[area] ?? ''}
              aria-invalid={errors.value.has(area) ? 'true' : undefined}
              aria-describedby={errors.value.has(area) ? `score-${i}-error` : undefined}
              onInput={(e) => (values.value = { ...values.value, [area]: (e.currentTarget as HTMLInputElement).value })}
            />
            {errors.value.has(area) && (
              <p id={`score-${i}-error`} class="error">
                {t('scoreRange', String(scale.value))}
              </p>
            )}
          </div>
        ))}
      </div>
      <div class="row">
        <div>
          <label for="taken-at">{t('assessmentDate')}</label>
          <input id="taken-at" type="date" value={takenAt.value} onInput={(e) => (takenAt.value = (e.currentTarget as HTMLInputElement).value)} />
        </div>
        <div>
          <label for="phase">{t('assessmentPhase')}</label>
          <select id="phase" value={phase.value} onChange={(e) => (phase.value = (e.currentTarget as HTMLSelectElement).value as Phase)}>
            <option value="start">{t('chartStart')}</option>
            <option value="end">{t('chartEnd')}</option>
          </select>
        </div>
        <button type="submit" class="primary">
          {t('assessmentSaveManual')}
        </button>
      </div>
      {status.value && (
        <p role="status" class="ok">
          {status.value}
        </p>
      )}
    </form>
  );
}
