import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, uiLocale } from '../../lib/text/i18n';
import type { PlanAnswer } from '../../lib/messages/protocol';
import { PLAN_MAX_BYTES } from '../../lib/model/limits';
import { planRefused } from '../../lib/model/results';
import type { PlanFetchState, StoredPlan, TrustState } from '../../lib/model/stored';
import { TrustFacts } from './TrustFacts';
import { BackupCard, type BackupCardProps } from './BackupCard';
import { PlanProblems } from './PlanProblems';
import { ReminderCard, type ReminderCardProps } from './ReminderCard';
import { SiteCheckCard, type SiteCheckCardProps } from './SiteCheckCard';
import { TeamFolderCard, type TeamFolderCardProps } from './TeamFolderCard';
import { ReadFailedNotice, StoreUnavailableCard, readInto } from '../shared/StoreUnavailable';
import './options.css';
import { FilePicker } from '../shared/FilePicker';

export interface OptionsProps {
  load: () => Promise<{
    stored: StoredPlan | undefined;
    fetchState: PlanFetchState | undefined;
    planUrl: string | null;
    trust?: TrustState | undefined;
    /** The plan address the organisation set by policy: the plan's source is then locked. */
    managedPlanUrl?: string | null;
  }>;
  /** Forget the coordinator's key this browser trusts (settings page, on purpose). */
  forgetTrustedKey: () => Promise<unknown>;
  importPlan: (text: string, name: string) => Promise<PlanAnswer>;
  useDemo: () => Promise<PlanAnswer>;
  setPlanUrl: (url: string) => Promise<PlanAnswer>;
  refreshPlan: () => Promise<PlanAnswer>;
  subscribe: (listener: () => void) => () => void;
  backup: BackupCardProps;
  coordinatorMode: { get: () => Promise<boolean>; set: (on: boolean) => Promise<void> };
  team: TeamFolderCardProps;
  reminders: ReminderCardProps;
  siteCheck: SiteCheckCardProps;
}

type Outcome = { area: 'file' | 'url' | 'demo'; result: PlanAnswer } | null;

function Outcome({ outcome, area }: { outcome: Outcome; area: 'file' | 'url' | 'demo' }) {
  if (!outcome || outcome.area !== area) return null;
  const { result } = outcome;
  if (result.ok) {
    return (
      <p role="status" class="ok result" data-testid={`${area}-result`}>
        {result.changed ? t('planLoaded') : t('planUnchanged')}
      </p>
    );
  }
  if (result.error === 'planHasProblems') return <PlanProblems problems={result.problems} />;
  return (
    <p role="alert" class="error result" data-testid={`${area}-result`}>
      {t(result.error)} {t('previousPlanKept')}
    </p>
  );
}

function sourceText(stored: StoredPlan): string {
  switch (stored.source.kind) {
    case 'file':
      return t('sourceFile', stored.source.name ?? '');
    case 'url':
      return t('sourceUrl', stored.source.url);
    case 'managed':
      return t('sourceManaged', stored.source.url);
    case 'demo':
      return t('sourceDemo');
    case 'editor':
      return t('sourceEditor');
    case 'folder':
      return t('sourceFolder', stored.source.url);
  }
}

export function OptionsApp(props: OptionsProps) {
  const state = useSignal<Awaited<ReturnType<OptionsProps['load']>> | null>(null);
  const outcome = useSignal<Outcome>(null);
  const busy = useSignal(false);
  const urlInput = useSignal('');
  const coordinator = useSignal(false);

  const readFailed = useSignal(false);
  const refresh = () =>
    readInto(
      props.load(),
      (loaded) => {
        state.value = loaded;
        if (!urlInput.value && loaded.planUrl) urlInput.value = loaded.planUrl;
      },
      readFailed,
    );
  useEffect(() => {
    void refresh();
    void props.coordinatorMode.get().then((on) => (coordinator.value = on));
    // Arriving from the popup's "Läs in en planfil" / "Hämta planen från en adress" or from
    // another page's next step: the control that takes the step gets the focus. A file input is
    // hidden behind its picker's button, which is what the person sees and presses.
    const field = location.hash.slice(1);
    const target = document.getElementById(field === 'team-folder' ? 'team-folder-heading' : field);
    if (['plan-file', 'plan-url', 'team-folder'].includes(field) && target) {
      const control = target.closest('.file-field')?.querySelector<HTMLElement>('button') ?? target;
      if (field === 'team-folder') control.tabIndex = -1;
      control.focus();
      control.scrollIntoView?.({ block: 'center' });
    }
    return props.subscribe(() => void refresh());
  }, []);

  const run = async (area: 'file' | 'url' | 'demo', action: () => Promise<PlanAnswer>) => {
    busy.value = true;
    try {
      outcome.value = { area, result: await action() };
    } finally {
      busy.value = false;
      await refresh();
    }
  };

  const onFile = async ([file]: File[]) => {
    if (!file) return;
    if (file.size > PLAN_MAX_BYTES) {
      outcome.value = { area: 'file', result: planRefused([{ path: '', reason: 'tooLarge' }]) };
      return;
    }
    const text = await file.text();
    await run('file', () => props.importPlan(text, file.name));
  };

  const stored = state.value?.stored;
  const fetchState = state.value?.fetchState;
  const managedUrl = state.value?.managedPlanUrl ?? null;
  const locked = managedUrl !== null;
  const lockedNote = (id: string) =>
    locked && (
      <p id={id} class="managed-note" data-testid={id}>
        {t('managedNote')}
      </p>
    );
  return (
    <main class="options-app">
      <header>
        <h1>{t('extName')}</h1>
        <p class="muted">{t('optionsIntro')}</p>
        <p>
          <a href="privacy.html" target="_blank" rel="noopener">
            {t('privacyLink')}
          </a>
        </p>
      </header>
      {readFailed.value && (state.value ? <ReadFailedNotice /> : <StoreUnavailableCard />)}

      <section class="card" aria-labelledby="current-plan" aria-busy={state.value === null && !readFailed.value}>
        <h2 id="current-plan">{t('currentPlanHeading')}</h2>
        {/* Nothing said of the plan until it is read: "none yet" would be untrue while reading, or when it fails. */}
        {state.value === null ? null : stored ? (
          <dl class="plan-facts" data-testid="current-plan">
            <dt>{t('teamLabel')}</dt>
            <dd>
              {stored.plan.team.name} {stored.source.kind === 'demo' && <span class="tag">{t('demoLabel')}</span>}
            </dd>
            <dt>{t('sourceLabel')}</dt>
            <dd>{sourceText(stored)}</dd>
            <dt>{t('periodsLabel')}</dt>
            <dd>{stored.plan.periods.length}</dd>
            <dt>{t('planUpdatedLabel')}</dt>
            <dd>{new Date(stored.plan.updatedAt).toLocaleString(uiLocale())}</dd>
          </dl>
        ) : (
          <p data-testid="current-plan">{t('noPlanYet')}</p>
        )}
        {state.value && (
          <TrustFacts stored={stored} trust={state.value.trust} forget={async () => {
            await props.forgetTrustedKey();
            await refresh();
          }} />
        )}
      </section>

      <section class="card" aria-labelledby="file-heading">
        <h2 id="file-heading">{t('loadPlanFile')}</h2>
        <FilePicker
          id="plan-file"
          label={
            <>
              {t('planFileLabel')} <span class="hint">{t('planFileHint')}</span>
            </>
          }
          accept=".json,application/json"
          onFiles={onFile}
          disabled={busy.value || locked}
          describedBy={locked ? 'plan-file-managed' : undefined}
        />
        {lockedNote('plan-file-managed')}
        <Outcome outcome={outcome.value} area="file" />
      </section>

      <section class="card" aria-labelledby="url-heading">
        <h2 id="url-heading">{t('usePlanUrl')}</h2>
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            void run('url', () => props.setPlanUrl(urlInput.value));
          }}
        >
          <div class="grow">
            <label for="plan-url">
              {t('planUrlLabel')} <span class="hint">{t('planUrlHint')}</span>
            </label>
            <input
              id="plan-url"
              type="url"
              required
              placeholder="https://"
              value={managedUrl ?? urlInput.value}
              readOnly={locked}
              aria-describedby={locked ? 'plan-url-managed' : undefined}
              onInput={(e) => (urlInput.value = (e.currentTarget as HTMLInputElement).value)}
            />
          </div>
          {!locked && (
            <button type="submit" class="primary" disabled={busy.value}>
              {t('planUrlUse')}
            </button>
          )}
          {(state.value?.planUrl || locked) && (
            <button type="button" disabled={busy.value} onClick={() => void run('url', props.refreshPlan)}>
              {t('planUrlCheckNow')}
            </button>
          )}
        </form>
        {lockedNote('plan-url-managed')}
        {fetchState?.checkedAt && (
          <p class="muted" data-testid="fetch-state">
            {t('planUrlChecked', new Date(fetchState.checkedAt).toLocaleString(uiLocale()))}
            {fetchState.error && <span class="error"> {t(fetchState.error)}</span>}
          </p>
        )}
        <Outcome outcome={outcome.value} area="url" />
      </section>

      <section class="card" aria-labelledby="demo-heading">
        <h2 id="demo-heading">{t('tryDemo')}</h2>
        <p>{t('demoExplain')}</p>
        <button
          type="button"
          disabled={busy.value || locked}
          aria-describedby={locked ? 'demo-managed' : undefined}
          onClick={() => void run('demo', props.useDemo)}
        >
          {t('tryDemo')}
        </button>
        {lockedNote('demo-managed')}
        <Outcome outcome={outcome.value} area="demo" />
      </section>

      <TeamFolderCard {...props.team} />

      <ReminderCard {...props.reminders} />

      <section class="card" aria-labelledby="coordinator-heading">
        <h2 id="coordinator-heading">{t('coordinatorHeading')}</h2>
        <label class="check" for="coordinator-mode">
          <input
            id="coordinator-mode"
            type="checkbox"
            checked={coordinator.value}
            aria-describedby="coordinator-mode-hint"
            onChange={async (e) => {
              const on = (e.currentTarget as HTMLInputElement).checked;
              coordinator.value = on;
              await props.coordinatorMode.set(on);
            }}
          />{' '}
          {t('coordinatorMode')}
        </label>
        <p id="coordinator-mode-hint" class="hint">
          {t('coordinatorModeHint')}
        </p>
        {coordinator.value && (
          <p>
            <a href="/coordinator.html" class="button primary">
              {t('openCoordinator')}
            </a>{' '}
            <a href="/team.html" class="button">
              {t('openTeamOverview')}
            </a>
          </p>
        )}
      </section>

      <section class="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('notesTitle')}</h2>
        <p>
          <a href="/notes.html">{t('notesOpenView')}</a> · <a href="/discussion.html">{t('discussionTitle')}</a> ·{' '}
          <a href="/report.html">{t('openReport')}</a>
        </p>
      </section>

      <BackupCard {...props.backup} />

      <SiteCheckCard {...props.siteCheck} />
    </main>
  );
}
