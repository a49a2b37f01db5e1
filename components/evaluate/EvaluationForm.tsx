import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import { courseKey } from '../../lib/site/course-key';
import { todayInSweden } from '../../lib/time/dates';
import { lastEndedPeriod } from '../../lib/time/evaluable';
import { USEFULNESS_MAX, USEFULNESS_MIN, type Evaluation } from '../../lib/model/evaluation';
import type { Period, Plan } from '../../lib/model/plan';
import type { Answer } from '../../lib/messages/protocol';
import { LOAD_PLAN, NextSteps } from '../shared/NextSteps';
import { StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './evaluate.css';

// The member's evaluation of a period's courses: how useful, how long it really took, a short
// comment. Every course is optional and every answer can be changed; skipping is not filling
// it in. The worker checks each rule and says which one an answer broke.

export interface EvaluationInput {
  periodId: string;
  courseKey: string;
  usefulness: number;
  minutes?: number;
  comment?: string;
  showName?: boolean;
}

export interface EvaluationFormProps {
  load: () => Promise<{
    plan: Plan | undefined;
    /** The stated time per course key, from what was seen on the course's page. */
    stated: Record<string, number>;
    evaluations: Evaluation[];
  }>;
  /** Null: the period whose deadline passed last. */
  periodId: string | null;
  /** Only this course, when the form was opened from its page. */
  course?: string | null;
  save: (input: EvaluationInput) => Promise<Answer<'saveEvaluation'>>;
  now?: () => Date;
}

// The scale's points with their words, lowest first (USEFULNESS_MIN to USEFULNESS_MAX).
const SCALE = [
  () => t('evaluateUseful1'),
  () => t('evaluateUseful2'),
  () => t('evaluateUseful3'),
  () => t('evaluateUseful4'),
  () => t('evaluateUseful5'),
].map((label, i) => ({ value: USEFULNESS_MIN + i, label }));

interface CardProps {
  periodId: string;
  courseKey: string;
  title: string;
  index: number;
  stated: number | undefined;
  saved: Evaluation | undefined;
  save: EvaluationFormProps['save'];
}

type Field = 'usefulness' | 'minutes' | 'comment';
const FIELD_OF: Partial<Record<string, Field>> = {
  evaluationUsefulness: 'usefulness',
  evaluationMinutes: 'minutes',
  evaluationComment: 'comment',
};

function CourseCard({ periodId, courseKey: key, title, index, stated, saved, save }: CardProps) {
  const id = `course-${index}`;
  const usefulness = useSignal<number | null>(saved?.usefulness ?? null);
  const minutes = useSignal(String(saved?.minutes ?? stated ?? ''));
  const comment = useSignal(saved?.comment ?? '');
  const showName = useSignal(saved?.showName === true);
  const error = useSignal<{ field: Field | null; text: string } | null>(null);
  const savedAt = useSignal<string | null>(saved?.updatedAt ?? null);
  const justSaved = useSignal(false);
  const busy = useSignal(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    justSaved.value = false;
    if (usefulness.value === null) {
      error.value = { field: 'usefulness', text: t('evaluationUsefulness') };
      return;
    }
    const typed = minutes.value.trim().replace(',', '.');
    const asNumber = typed === '' ? undefined : Number(typed);
    if (asNumber !== undefined && !Number.isFinite(asNumber)) {
      error.value = { field: 'minutes', text: t('evaluationMinutes') };
      return;
    }
    busy.value = true;
    const answer = await save({
      periodId,
      courseKey: key,
      usefulness: usefulness.value,
      ...(asNumber !== undefined ? { minutes: asNumber } : {}),
      ...(comment.value.trim() ? { comment: comment.value } : {}),
      ...(showName.value ? { showName: true } : {}),
    }).finally(() => (busy.value = false));
    if (answer.ok) {
      error.value = null;
      savedAt.value = answer.evaluation.updatedAt;
      justSaved.value = true;
    } else {
      error.value = { field: FIELD_OF[answer.error] ?? null, text: t(answer.error) };
    }
  };

  const invalid = (field: Field) => (error.value?.field === field ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${id}-error` } : {});
  return (
    // noValidate: the browser would stop a 0 in the minutes with its own words; ours say what the rule is.
    <form class="evaluation" aria-labelledby={`${id}-title`} onSubmit={submit} data-course={key} noValidate>
      <h2 id={`${id}-title`}>{title}</h2>
      <fieldset {...(error.value?.field === 'usefulness' ? { 'aria-describedby': `${id}-error` } : {})}>
        <legend>{t('evaluateUsefulness')}</legend>
        <div class="scale">
          {SCALE.filter(({ value }) => value <= USEFULNESS_MAX).map(({ value, label }) => (
            <label key={value} class="choice">
              <input
                type="radio"
                name={`${id}-usefulness`}
                value={String(value)}
                checked={usefulness.value === value}
                onChange={() => (usefulness.value = value)}
              />{' '}
              {label()}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="field">
        <label for={`${id}-minutes`}>{t('evaluateMinutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          min={1}
          max={6000}
          step={1}
          inputMode="numeric"
          value={minutes.value}
          onInput={(e) => (minutes.value = (e.currentTarget as HTMLInputElement).value)}
          {...invalid('minutes')}
        />
        {stated !== undefined && <p class="muted hint">{t('evaluateStated', String(stated))}</p>}
      </div>
      <div class="field">
        <label for={`${id}-comment`}>{t('evaluateComment')}</label>
        <textarea id={`${id}-comment`} rows={3} value={comment.value} onInput={(e) => (comment.value = (e.currentTarget as HTMLTextAreaElement).value)} {...invalid('comment')} />
      </div>
      <label class="check">
        <input type="checkbox" checked={showName.value} onChange={(e) => (showName.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
        {t('evaluateShowName')}
      </label>
      <div class="row">
        <button type="submit" class="primary" disabled={busy.value}>
          {t('evaluateSave')}
        </button>
        <p role="status" class={error.value ? 'visually-hidden' : 'ok'} data-testid="evaluation-status">
          {justSaved.value ? t('evaluateSaved') : savedAt.value && !error.value ? t('evaluateSavedOn', dayMonth(todayInSweden(new Date(savedAt.value)))) : ''}
        </p>
      </div>
      {error.value && (
        <p id={`${id}-error`} class="error" role="alert">
          {error.value.text}
        </p>
      )}
    </form>
  );
}

function coursesOf(period: Period): Array<{ key: string; title: string }> {
  return period.items.flatMap((item) => {
    const key = courseKey(item.url);
    return key ? [{ key, title: item.title }] : [];
  });
}

export function EvaluationForm({ load, periodId, course, save, now = () => new Date() }: EvaluationFormProps) {
  const loaded = useSignal<Awaited<ReturnType<EvaluationFormProps['load']>> | null>(null);
  const failed = useSignal(false);
  useEffect(() => {
    void readInto(load(), (value) => (loaded.value = value), failed);
  }, []);
  const data = loaded.value;
  if (!data) return failed.value ? <StoreUnavailable title={t('evaluateTitle')} /> : <main class="evaluate-app" aria-busy="true" />;
  const plan = data.plan;
  const period = plan && (periodId ? plan.periods.find((p) => p.id === periodId) : lastEndedPeriod(plan, now()));
  if (!period) {
    return (
      <main class="evaluate-app">
        <h1>{t('evaluateTitle')}</h1>
        <p>{data.plan ? t('evaluateNoPeriod') : t('evaluateNoPlan')}</p>
        {!data.plan && <NextSteps steps={[LOAD_PLAN()]} />}
      </main>
    );
  }
  const all = coursesOf(period);
  const shown = course && all.some((c) => c.key === course) ? all.filter((c) => c.key === course) : all;
  const savedOf = (key: string) => data.evaluations.find((e) => e.periodId === period.id && e.courseKey === key);
  return (
    <main class="evaluate-app">
      <h1>{t('evaluatePeriodHeading', period.title)}</h1>
      <p>{t('evaluateIntro')}</p>
      <p class="muted" data-testid="team-note">
        {t('evaluateTeamNote')}
      </p>
      {shown.map((c) => (
        <CourseCard
          key={c.key}
          periodId={period.id}
          courseKey={c.key}
          title={c.title}
          index={all.indexOf(c)}
          stated={data.stated[c.key]}
          saved={savedOf(c.key)}
          save={save}
        />
      ))}
      {shown.length < all.length && (
        <p>
          <a href={`?${new URLSearchParams({ period: period.id })}`}>{t('evaluateAllCourses')}</a>
        </p>
      )}
    </main>
  );
}
