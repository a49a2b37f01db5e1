import { useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { dayMonth, syncStateText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { SyncState } from '../../lib/model/results';
import type { PlanAnswer } from '../../lib/messages/protocol';
import type { Period } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import { overview, type Overview } from '../../lib/domain/overview';
import { openSessionGroups, type SessionGroup } from '../../lib/time/periods';
import type { PlanChanges, StoredPlan } from '../../lib/model/stored';
import { DiscussionLink, PeriodView } from './PeriodView';
import type { ExtensionInput, ExtensionResult } from './ExtensionForm';
import type { MemberExtensions } from '../../lib/time/personal-deadline';
import { PlanChangesNotice } from './PlanChangesNotice';
import { SessionSignup } from './SessionSignup';
import { EvaluateEntry, periodsToEvaluate } from './EvaluateEntry';
import './popup.css';

/** What the popup draws from, as read from storage. */
export interface PopupLoaded {
  stored: StoredPlan | undefined;
  progress: Map<string, ProgressRecord>;
  changes?: PlanChanges | undefined;
  /** In coordinator mode the footer also opens the planner. */
  coordinator?: boolean;
  /** Present when this browser is in a team folder. */
  team?: { state: SyncState | undefined; signedUp: Set<string> };
  /** Point to the site check (asked once: the page marks it shown). */
  suggestSiteCheck?: boolean;
  /** The member's personal deadlines, own and granted. */
  extensions?: MemberExtensions;
}

export interface PopupProps {
  load: () => Promise<PopupLoaded>;
  /**
   * Read before the popup is drawn: its first frame is the content, not an empty frame that
   * waits for the browser's next paint before it asks for data.
   */
  initial?: PopupLoaded;
  setExtension?: (input: ExtensionInput) => Promise<ExtensionResult>;
  removeExtension?: (periodId: string) => Promise<ExtensionResult>;
  openSiteCheck?: () => void;
  signUp?: (sessionId: string, cancel: boolean) => Promise<unknown>;
  dismissChanges?: () => Promise<unknown>;
  setDone: (key: string, done: boolean, title?: string) => Promise<unknown>;
  useDemo: () => Promise<PlanAnswer>;
  /** Opens the settings page, at the plan file or plan address field when one is named. */
  openOptions: (field?: 'plan-file' | 'plan-url') => void;
  openNotes: () => void;
  openPlanner?: () => void;
  openReport?: () => void;
  /** Opens the evaluation form for a period's courses. */
  openEvaluation?: (periodId: string) => void;
  subscribe: (listener: () => void) => () => void;
  now?: () => Date;
}

function NextPeriod({ next }: { next: Period | undefined }) {
  if (!next) return <p>{t('noNextPeriod')}</p>;
  return <p data-testid="next-period">{t('nextPeriodStarts', [dayMonth(next.starts), next.title])}</p>;
}

function NoPlan({ onDemo, onOptions }: { onDemo: () => void; onOptions: PopupProps['openOptions'] }) {
  return (
    <section aria-labelledby="welcome">
      <h2 id="welcome">{t('welcomeTitle')}</h2>
      <p>{t('welcomeText')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={onDemo}>
          {t('tryDemo')}
        </button>
        <button type="button" onClick={() => onOptions('plan-file')}>
          {t('loadPlanFile')}
        </button>
        <button type="button" onClick={() => onOptions('plan-url')}>
          {t('usePlanUrl')}
        </button>
      </div>
    </section>
  );
}

/** What the popup shows for what was read, at `now`. */
function popupState(loaded: PopupLoaded, now: Date) {
  return {
    view: overview(loaded.stored, loaded.progress, now, loaded.extensions),
    changes: loaded.changes,
    coordinator: loaded.coordinator === true,
    team: loaded.team,
    openSessions: loaded.stored ? openSessionGroups(loaded.stored.plan, now) : [],
    toEvaluate: loaded.stored ? periodsToEvaluate(loaded.stored.plan, loaded.progress, now) : [],
    siteCheckHint: loaded.suggestSiteCheck === true,
  };
}

export function PopupApp(props: PopupProps) {
  const { load, setDone, useDemo, openOptions, openNotes, subscribe, now = () => new Date() } = props;
  const [first] = useState(() => (props.initial ? popupState(props.initial, now()) : null));
  const view = useSignal<Overview | null>(first?.view ?? null);
  const changes = useSignal<PlanChanges | undefined>(first?.changes);
  const coordinator = useSignal(first?.coordinator ?? false);
  const team = useSignal<{ state: SyncState | undefined; signedUp: Set<string> } | undefined>(first?.team);
  const openSessions = useSignal<SessionGroup[]>(first?.openSessions ?? []);
  // Asked once: it stays for as long as this popup is open.
  const siteCheckHint = useSignal(first?.siteCheckHint ?? false);
  const toEvaluate = useSignal<Period[]>(first?.toEvaluate ?? []);
  // The database could not be read: what is on screen stays, and the popup says so.
  const readFailed = useSignal(false);
  const refresh = async () => {
    let next: ReturnType<typeof popupState>;
    try {
      next = popupState(await load(), now());
    } catch (error) {
      console.error(error);
      readFailed.value = true;
      return;
    }
    readFailed.value = false;
    if (next.siteCheckHint) siteCheckHint.value = true;
    view.value = next.view;
    changes.value = next.changes;
    coordinator.value = next.coordinator;
    team.value = next.team;
    openSessions.value = next.openSessions;
    toEvaluate.value = next.toEvaluate;
  };
  useEffect(() => {
    if (!first) void refresh();
    return subscribe(() => void refresh());
  }, []);
  useLayoutEffect(() => {
    if (view.value) performance.mark('kurskompis-popup-content');
  }, [view.value !== null]);

  const toggle = async (key: string, done: boolean, title: string) => {
    await setDone(key, done, title);
    await refresh();
  };
  const v = view.value;
  // Saved or removed: the period view shows the new days left and pace at once.
  const { setExtension, removeExtension } = props;
  const extension =
    setExtension && removeExtension
      ? {
          save: (input: ExtensionInput) => setExtension(input).then(async (r) => (await refresh(), r)),
          remove: (periodId: string) => removeExtension(periodId).then(async (r) => (await refresh(), r)),
        }
      : undefined;
  const signup = team.value && props.signUp && (
    <SessionSignup
      groups={openSessions.value}
      signedUp={team.value.signedUp}
      counts={team.value.state?.signupCounts ?? {}}
      onSignUp={(id, cancel) => void props.signUp?.(id, cancel).then(refresh)}
    />
  );
  // A finished period's discussion still ahead is the one thing with a date this week:
  // its sign-up comes before the new period's courses.
  const firstGroup = openSessions.value[0];
  const signupFirst = firstGroup !== undefined && v?.kind === 'plan' && v.current?.period.id !== firstGroup.period.id;
  return (
    <main class="popup-app" aria-busy={v === null && !readFailed.value}>
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        {v?.kind === 'plan' && (
          <span class="team">
            {v.demo ? <span class="tag">{t('demoLabel')}</span> : v.teamName}
          </span>
        )}
      </header>
      {readFailed.value && (
        <p class="plan-changes" role="alert" data-testid="read-failed">
          {v ? t('popupReadFailedShowingLast') : t('popupReadFailed')}
        </p>
      )}
      {v?.kind === 'noPlan' && (
        <NoPlan
          onOptions={openOptions}
          onDemo={() => void useDemo().then(refresh)}
        />
      )}
      {v?.kind === 'plan' && v.demo && <p class="muted" data-testid="demo-note">{t('demoNote')}</p>}
      {changes.value && changes.value.changes.length > 0 && (
        <PlanChangesNotice
          changes={changes.value.changes}
          onDismiss={() => {
            changes.value = undefined;
            void props.dismissChanges?.();
          }}
        />
      )}
      {siteCheckHint.value && props.openSiteCheck && (
        <section class="plan-changes" role="status" data-testid="site-check-hint">
          <p>{t('siteCheckSuggest')}</p>
          <button type="button" onClick={props.openSiteCheck}>
            {t('siteCheckOpen')}
          </button>
        </section>
      )}
      {signupFirst && signup}
      {v?.kind === 'plan' && v.current && <PeriodView view={v.current} onToggle={toggle} discussionUrl={v.discussionUrl} {...(extension ? { extension } : {})} />}
      {v?.kind === 'plan' && v.alsoRunning && (
        <PeriodView view={v.alsoRunning} onToggle={toggle} headingId="also-running-title" {...(extension ? { extension } : {})} />
      )}
      {v?.kind === 'plan' && v.moment === 'paused' && v.paused && (
        <section data-testid="paused">
          <h2>{v.paused.title}</h2>
          <p>
            <span class="tag">{t('pausedLabel')}</span> {t('pausedText', dayMonth(v.paused.deadline))}
          </p>
          <NextPeriod next={v.next} />
          <DiscussionLink url={v.discussionUrl} />
        </section>
      )}
      {v?.kind === 'plan' && (v.moment === 'between' || v.moment === 'before') && (
        <section data-testid="between">
          <h2>{t('noPeriodNow')}</h2>
          {v.previous && <p class="muted">{t('previousPeriodEnded', [v.previous.title, dayMonth(v.previous.deadline)])}</p>}
          <NextPeriod next={v.next} />
        </section>
      )}
      {v?.kind === 'plan' && v.moment === 'after' && (
        <section data-testid="after">
          <h2>{t('planFinished')}</h2>
          {v.previous && <p class="muted">{t('previousPeriodEnded', [v.previous.title, dayMonth(v.previous.deadline)])}</p>}
        </section>
      )}
      {!signupFirst && signup}
      {props.openEvaluation && <EvaluateEntry periods={toEvaluate.value} onOpen={props.openEvaluation} />}
      {team.value && (
        <p class="sync-line muted" role="status" data-testid="sync-line">
          {syncStateText(team.value.state)}
        </p>
      )}
      <footer class="popup-footer">
        <button type="button" onClick={openNotes}>
          {t('notesTitle')}
        </button>
        {coordinator.value && props.openPlanner && (
          <button type="button" onClick={props.openPlanner}>
            {t('openCoordinator')}
          </button>
        )}
        {props.openReport && (
          <button type="button" onClick={props.openReport}>
            {t('openReportShort')}
          </button>
        )}
        <button type="button" onClick={() => openOptions()}>
          {t('openSettings')}
        </button>
      </footer>
    </main>
  );
}
