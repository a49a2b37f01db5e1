import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { draftOfPlan, newDraft, newPeriod, planFileName, type DraftItem, type DraftPeriod } from '../../lib/coordinator/draft';
import { createDraftModel } from '../../lib/coordinator/draft-model';
import { fieldId, fieldOfPath, problemsByField } from '../../lib/coordinator/field-problems';
import { formatTime } from '../../lib/time/dates';
import { problemText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { Answer, PlanAnswer } from '../../lib/messages/protocol';
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
import { SigningCard, type Signing } from './SigningCard';
import { Coverage, type CoverageSource } from './Coverage';
import { ReadFailedNotice, StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './coordinator.css';

// The coordinator's plan editor: the view over the draft model (lib/coordinator/draft-model.ts),
// which holds the draft, saves it and guards leaving. Every change is checked by the plan
// parser at once; a valid plan is saved by itself shortly after, an invalid one is never
// saved, and the fields at fault say why.

export interface CoordinatorProps {
  load: () => Promise<{ draft?: StoredDraft; active?: StoredPlan }>;
  save: (plan: Record<string, unknown>) => Promise<Answer<'saveDraft'>>;
  useMyself: () => Promise<PlanAnswer>;
  subscribe: (listener: () => void) => () => void;
  download: (fileName: string, text: string) => void;
  /** The saved plan as a file's text: signed when this browser has a signing key. */
  planFile: () => Promise<Answer<'planFileText'>>;
  /** The coordinator's signing key; absent, the planner offers no signing. */
  signing?: Signing | undefined;
  copy: (text: string) => Promise<void>;
  titles: TitleSource;
  planAddress: { get: () => Promise<string>; set: (value: string) => Promise<void> };
  locale: string;
  /** Present when this browser is in a team folder. */
  folder?: FolderPublishing | undefined;
  /** The year's coverage against the catalogue; absent, the planner shows none. */
  coverage?: CoverageSource | undefined;
  now?: () => Date;
  saveDelayMs?: number;
}

export function CoordinatorApp(props: CoordinatorProps) {
  const now = props.now ?? (() => new Date());
  const model = useMemo(
    () => createDraftModel({ load: props.load, save: props.save, now, saveDelayMs: props.saveDelayMs ?? 600 }),
    [],
  );
  const { draft, loaded, active, saveNow } = model;
  const setDraft = model.set;
  const planAddress = useSignal('');
  const openProblems = useSignal<PlanProblem[] | null>(null);
  const lookup = useSignal<{ periodId: string; items: DraftItem[] } | null>(null);
  const removed = useSignal<{ period: DraftPeriod; index: number } | null>(null);

  // A failed reading changes nothing here: edits not yet saved stay as they are.
  const readFailed = useSignal(false);
  const reload = () => readInto(model.reload(), () => undefined, readFailed);

  useEffect(() => {
    void reload();
    void props.planAddress.get().then((value) => (planAddress.value = value));
    const unsubscribe = props.subscribe(() => void reload());
    addEventListener('beforeunload', model.leaveGuard);
    return () => {
      unsubscribe();
      removeEventListener('beforeunload', model.leaveGuard);
      model.dispose();
    };
  }, []);

  if (!loaded.value) return readFailed.value ? <StoreUnavailable title={t('coordinatorTitle')} /> : <main class="coordinator-app" aria-busy="true" />;

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

  const header = (
    <header>
      <h1>{t('coordinatorTitle')}</h1>
      <p class="muted">{t('coordinatorIntro')}</p>
      {readFailed.value && <ReadFailedNotice />}
    </header>
  );

  const current = draft.value;
  if (!current) {
    return (
      <main class="coordinator-app">
        {header}
        {start}
      </main>
    );
  }

  const problems = model.problems.value;
  const byField = problemsByField(problems);
  const dirty = model.dirty.value;
  const setPeriod = (index: number, period: DraftPeriod) =>
    setDraft({ ...current, periods: current.periods.map((p, i) => (i === index ? period : p)) });
  const fileName = planFileName(current);
  const state = model.saveState.value;

  return (
    <ProblemsContext.Provider value={byField}>
      <main class="coordinator-app">
        {header}

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
            <Field
              class="wide"
              path="team.discussionUrl"
              label={t('discussionUrlLabel')}
              hint={t('discussionUrlHint')}
              type="url"
              value={current.discussionUrl ?? ''}
              onInput={(discussionUrl) => setDraft({ ...current, discussionUrl })}
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
            const file = await props.planFile();
            if (file.ok) props.download(fileName, file.text);
          }}
          useMyself={async () => {
            await saveNow();
            return props.useMyself();
          }}
          copy={props.copy}
          folder={props.folder}
          savedPlan={async () => (await props.load()).draft?.plan}
        />

        {props.signing && <SigningCard signing={props.signing} />}

        {props.coverage && <Coverage source={props.coverage} now={now} />}

        <details class="card start-over">
          <summary>{t('startOverHeading')}</summary>
          <p class="muted">{t('startOverExplain')}</p>
          {start}
        </details>
      </main>
    </ProblemsContext.Provider>
  );
}
