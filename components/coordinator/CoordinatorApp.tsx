import { useSignal } from '@preact/signals';
import { dequal } from 'dequal/lite';
import { useEffect, useRef } from 'preact/hooks';
import {
  checkDraft,
  draftOfPlan,
  newDraft,
  newPeriod,
  planFileName,
  toCandidate,
  withCollected,
  type Draft,
  type DraftItem,
  type DraftPeriod,
} from '../../lib/coordinator/draft';
import { fieldId, fieldOfPath, problemsByField } from '../../lib/coordinator/field-problems';
import { formatTime } from '../../lib/time/dates';
import { problemText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { Answer, ChannelError, PlanAnswer } from '../../lib/messages/protocol';
import { parsePlanText } from '../../lib/model/plan-parse';
import type { PlanProblem } from '../../lib/model/plan-parse';
import type { StoredDraft, StoredPlan } from '../../lib/model/stored';
import { PlanProblems } from '../options/PlanProblems';
import { HandOut } from './HandOut';
import type { FolderPublishing } from './PublishToFolder';
import { PeriodEditor } from './PeriodEditor';
import { Field, ProblemsContext } from './problems';
import { StartCard } from './StartCard';
import { TitleLookup, type TitleSource } from './TitleLookup';
import './coordinator.css';

// The coordinator's plan editor. Every change is checked by the plan parser at once; a valid
// plan is saved by itself shortly after, an invalid one is never saved, and the fields at
// fault say why.

export interface CoordinatorProps {
  load: () => Promise<{ draft?: StoredDraft; active?: StoredPlan }>;
  save: (plan: Record<string, unknown>) => Promise<Answer<'saveDraft'>>;
  useMyself: () => Promise<PlanAnswer>;
  subscribe: (listener: () => void) => () => void;
  download: (fileName: string, text: string) => void;
  copy: (text: string) => Promise<void>;
  titles: TitleSource;
  planAddress: { get: () => Promise<string>; set: (value: string) => Promise<void> };
  locale: string;
  /** Present when this browser is in a team folder. */
  folder?: FolderPublishing | undefined;
  now?: () => Date;
  saveDelayMs?: number;
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; problems: PlanProblem[] }
  | { kind: 'unsent'; error: ChannelError };

/** The draft as it would be saved, without the time stamp that changes on every save. */
function shapeOf(draft: Draft): Record<string, unknown> {
  return { ...toCandidate(draft, new Date(0)), updatedAt: '' };
}

export function CoordinatorApp(props: CoordinatorProps) {
  const now = props.now ?? (() => new Date());
  const draft = useSignal<Draft | null>(null);
  const loaded = useSignal(false);
  const active = useSignal<StoredPlan | undefined>(undefined);
  const savedShape = useSignal<Record<string, unknown> | null>(null);
  const saveState = useSignal<SaveState>({ kind: 'idle' });
  const planAddress = useSignal('');
  const openProblems = useSignal<PlanProblem[] | null>(null);
  const lookup = useSignal<{ periodId: string; items: DraftItem[] } | null>(null);
  const removed = useSignal<{ period: DraftPeriod; index: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const saveNow = async () => {
    const current = draft.value;
    if (!current) return;
    const checked = checkDraft(current, now());
    if (!checked.ok) return;
    saveState.value = { kind: 'saving' };
    const result = await props.save(checked.plan);
    if (result.ok) {
      savedShape.value = shapeOf(current);
      saveState.value = { kind: 'saved', at: new Date(result.savedAt) };
    } else {
      saveState.value = 'problems' in result ? { kind: 'failed', problems: result.problems } : { kind: 'unsent', error: result.error };
    }
  };

  const setDraft = (next: Draft, immediately = false) => {
    draft.value = next;
    clearTimeout(timer.current);
    if (!checkDraft(next, now()).ok) return;
    if (immediately) void saveNow();
    else timer.current = setTimeout(() => void saveNow(), props.saveDelayMs ?? 600);
  };

  const reload = async () => {
    const { draft: stored, active: inForce } = await props.load();
    active.value = inForce;
    loaded.value = true;
    if (!stored) return;
    const fromStore = draftOfPlan(stored.plan);
    const local = draft.value;
    if (!local || dequal(shapeOf(local), savedShape.value)) {
      // Nothing unsaved here: show what is stored, courses collected on Digiteket included.
      if (!local || !dequal(shapeOf(local), shapeOf(fromStore))) draft.value = fromStore;
      savedShape.value = shapeOf(fromStore);
      if (saveState.value.kind === 'idle') saveState.value = { kind: 'saved', at: new Date(stored.savedAt) };
    } else {
      const merged = withCollected(local, fromStore);
      if (!dequal(shapeOf(merged), shapeOf(local))) setDraft(merged);
    }
  };

  useEffect(() => {
    void reload();
    void props.planAddress.get().then((value) => (planAddress.value = value));
    const unsubscribe = props.subscribe(() => void reload());
    const warn = (event: BeforeUnloadEvent) => {
      if (draft.value && !dequal(shapeOf(draft.value), savedShape.value)) event.preventDefault();
    };
    addEventListener('beforeunload', warn);
    return () => {
      unsubscribe();
      removeEventListener('beforeunload', warn);
      clearTimeout(timer.current);
    };
  }, []);

  if (!loaded.value) return <main class="coordinator-app" aria-busy="true" />;

  // The ways into a plan: on the first visit, and again below the editor to start over.
  const start = (
    <>
      <StartCard
        active={active.value}
        onCreate={(teamName) => setDraft(newDraft(teamName, props.locale, now()), true)}
        onOpenText={(text) => {
          const parsed = parsePlanText(text);
          if (!parsed.ok) {
            openProblems.value = parsed.problems;
            return;
          }
          openProblems.value = null;
          setDraft(draftOfPlan(parsed.plan), true);
        }}
        onFromActive={(plan) => setDraft(draftOfPlan(plan), true)}
      />
      {openProblems.value && <PlanProblems problems={openProblems.value} previousKept={false} />}
    </>
  );

  const current = draft.value;
  if (!current) {
    return (
      <main class="coordinator-app">
        <header>
          <h1>{t('coordinatorTitle')}</h1>
          <p class="muted">{t('coordinatorIntro')}</p>
        </header>
        {start}
      </main>
    );
  }

  const checked = checkDraft(current, now());
  const problems = checked.ok ? [] : checked.problems;
  const byField = problemsByField(problems);
  const dirty = !dequal(shapeOf(current), savedShape.value);
  const setPeriod = (index: number, period: DraftPeriod) =>
    setDraft({ ...current, periods: current.periods.map((p, i) => (i === index ? period : p)) });
  const fileName = planFileName(current);
  const state = saveState.value;

  return (
    <ProblemsContext.Provider value={byField}>
      <main class="coordinator-app">
        <header>
          <h1>{t('coordinatorTitle')}</h1>
          <p class="muted">{t('coordinatorIntro')}</p>
        </header>

        <div class={`save-state ${problems.length ? 'invalid' : ''}`} role="status" data-testid="save-state">
          {problems.length > 0
            ? t('notSavedProblems', problems.length)
            : dirty || state.kind === 'saving'
              ? t('saving')
              : state.kind === 'saved'
                ? t('savedAt', formatTime(state.at, props.locale))
                : ''}
        </div>
        {problems.length > 0 && (
          <section class="card problems-summary" aria-labelledby="problems-heading" data-testid="editor-problems">
            <h2 id="problems-heading">{t('problemsHeading')}</h2>
            <ul>
              {problems.slice(0, 10).map((p, i) => (
                <li key={i}>
                  {problemText(p)}{' '}
                  <button type="button" class="link" onClick={() => document.getElementById(fieldId(fieldOfPath(p.path)))?.focus()}>
                    {t('goToField')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
        {state.kind === 'failed' && <PlanProblems problems={state.problems} previousKept={false} />}
        {state.kind === 'unsent' && (
          <p role="alert" class="error">
            {t(state.error)}
          </p>
        )}

        <section class="card" aria-labelledby="team-heading">
          <h2 id="team-heading">{t('teamHeading')}</h2>
          <div class="period-grid">
            <Field class="wide" path="team.name" label={t('teamNameLabel')} value={current.teamName} onInput={(teamName) => setDraft({ ...current, teamName })} />
            <Field
              path="coordinator.name"
              label={t('coordinatorNameLabel')}
              value={current.coordinatorName}
              onInput={(coordinatorName) => setDraft({ ...current, coordinatorName })}
            />
            <Field
              path="coordinator.contact"
              label={t('coordinatorContactLabel')}
              hint={t('coordinatorContactHint')}
              value={current.coordinatorContact}
              onInput={(coordinatorContact) => setDraft({ ...current, coordinatorContact })}
            />
          </div>
        </section>

        <section class="card" aria-labelledby="self-heading">
          <h2 id="self-heading">{t('selfAssessmentHeading')}</h2>
          <p class="muted">{t('selfAssessmentExplain')}</p>
          <div class="period-grid">
            <Field
              path="selfAssessment.start"
              label={t('selfAssessmentStartLabel')}
              type="date"
              value={current.selfAssessmentStart}
              onInput={(selfAssessmentStart) => setDraft({ ...current, selfAssessmentStart })}
            />
            <Field
              path="selfAssessment.end"
              label={t('selfAssessmentEndLabel')}
              type="date"
              value={current.selfAssessmentEnd}
              onInput={(selfAssessmentEnd) => setDraft({ ...current, selfAssessmentEnd })}
            />
            <Field
              class="wide"
              path="selfAssessment.url"
              label={t('selfAssessmentUrlLabel')}
              type="url"
              value={current.selfAssessmentUrl}
              onInput={(selfAssessmentUrl) => setDraft({ ...current, selfAssessmentUrl })}
            />
          </div>
        </section>

        {current.periods.map((period, index) => (
          <PeriodEditor
            key={period.id}
            index={index}
            period={period}
            onChange={(next) => setPeriod(index, next)}
            onRemove={
              current.periods.length > 1
                ? () => {
                    removed.value = { period, index };
                    setDraft({ ...current, periods: current.periods.filter((_, i) => i !== index) });
                  }
                : null
            }
            onPasted={(items) => (lookup.value = { periodId: period.id, items })}
          >
            {lookup.value?.periodId === period.id && (
              <TitleLookup
                key={lookup.value.items.map((i) => i.url).join()}
                items={lookup.value.items}
                source={props.titles}
                onTitle={(url, title) => {
                  const latest = draft.value;
                  if (!latest || !lookup.value) return;
                  const { periodId, items } = lookup.value;
                  const standIn = items.find((i) => i.url === url)?.title;
                  setDraft({
                    ...latest,
                    periods: latest.periods.map((p) =>
                      p.id !== periodId ? p : { ...p, items: p.items.map((i) => (i.url === url && i.title === standIn ? { ...i, title } : i)) },
                    ),
                  });
                }}
              />
            )}
          </PeriodEditor>
        ))}
        {removed.value && (
          <p role="status" class="removed-notice">
            {t('periodRemoved', removed.value.period.title)}{' '}
            <button
              type="button"
              onClick={() => {
                const { period, index } = removed.value!;
                const periods = [...current.periods];
                periods.splice(index, 0, period);
                removed.value = null;
                setDraft({ ...current, periods });
              }}
            >
              {t('undoRemovePeriod')}
            </button>
          </p>
        )}
        <p>
          <button
            type="button"
            onClick={() => {
              const period = newPeriod(current.periods, props.locale, now());
              setDraft({ ...current, periods: [...current.periods, period] });
              requestAnimationFrame(() => document.getElementById(fieldId(`periods[${current.periods.length}].title`))?.focus());
            }}
          >
            {t('addPeriod')}
          </button>
        </p>

        <HandOut
          valid={problems.length === 0}
          fileName={fileName}
          teamName={current.teamName}
          coordinatorName={current.coordinatorName}
          coordinatorContact={current.coordinatorContact}
          planAddress={planAddress.value}
          onPlanAddress={(value) => {
            planAddress.value = value;
            void props.planAddress.set(value);
          }}
          download={async () => {
            // The file is the saved plan, so its updatedAt changes only when the plan did.
            if (dirty || state.kind !== 'saved') await saveNow();
            const { draft: stored } = await props.load();
            if (stored) props.download(fileName, `${JSON.stringify(stored.plan, null, 2)}\n`);
          }}
          useMyself={async () => {
            await saveNow();
            return props.useMyself();
          }}
          copy={props.copy}
          folder={props.folder}
          savedPlan={async () => (await props.load()).draft?.plan}
        />

        <details class="card start-over">
          <summary>{t('startOverHeading')}</summary>
          <p class="muted">{t('startOverExplain')}</p>
          {start}
        </details>
      </main>
    </ProblemsContext.Provider>
  );
}
