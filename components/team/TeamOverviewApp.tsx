import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import { mergeById } from '../../lib/domain/merge';
import type { MemberFile } from '../../lib/model/member';
import type { Plan } from '../../lib/model/plan';
import type { GrantedExtension } from '../../lib/model/extension';
import type { GrantActions } from './GrantForm';
import { discussionPeriod } from '../../lib/time/periods';
import type { Answer } from '../../lib/messages/protocol';
import type { MemberReadingSoFar } from '../../lib/model/results';
import { teamOverview } from '../../lib/team/overview';
import { MemberFiles, type SkippedFile } from './MemberFiles';
import { ProgressGrid } from './ProgressGrid';
import { ReadingProgress, type ReadingProgressProps } from './ReadingProgress';
import { SessionSignups } from './SessionSignups';
import { SharedNotes } from './SharedNotes';
import { TeamAssessment } from './TeamAssessment';
import { TeamEvaluation } from './TeamEvaluation';
import { BUILD_PLAN, LOAD_PLAN, NextSteps } from '../shared/NextSteps';
import { StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './team.css';
import './grid.css';

// The coordinator's overview of the team: progress grid, discussion sign-ups, the team's
// self-assessment, the notes shared for the discussion (printable) and a CSV for Excel, each
// its own view in this folder. Member files come from the team folder, or are read in by hand
// by a team without one.

export interface TeamOverviewProps {
  load: () => Promise<{
    plan: Plan | undefined;
    reading: Answer<'teamMembers'>;
    /** Each course's stated time as this browser knows it (own progress, the catalogue). */
    stated?: Record<string, number>;
    /** More time granted in the coordinator's saved plan (may be newer than the plan in force). */
    granted?: GrantedExtension[];
  }>;
  /** Granting more time to a member, into the saved plan. */
  grant?: Omit<GrantActions, 'changed'>;
  /**
   * How far the reading of the member files has come, while it runs (ReadingProgress), and what
   * it has read so far after the first `after` files, with the plan to show it against.
   */
  reading?: ReadingProgressProps & {
    soFar?: (after: number, of?: number) => Promise<{ plan: Plan | undefined; granted: readonly GrantedExtension[]; reading: MemberReadingSoFar } | null>;
  };
  download: (fileName: string, text: string) => void;
  print: () => void;
  now?: () => Date;
}

/** Copies of one member from the folder and from files: the newer one is shown. */
function combine(a: readonly MemberFile[], b: readonly MemberFile[]): MemberFile[] {
  return mergeById(a, b, (m) => m.memberId, (m) => m.updatedAt).merged;
}

export function TeamOverviewApp(props: TeamOverviewProps) {
  const now = props.now ?? (() => new Date());
  const plan = useSignal<Plan | undefined>(undefined);
  const reading = useSignal<Answer<'teamMembers'> | null>(null);
  const imported = useSignal<MemberFile[]>([]);
  const importSkipped = useSignal<SkippedFile[]>([]);
  const periodId = useSignal<string | null>(null);
  const stated = useSignal<Record<string, number>>({});
  const granted = useSignal<readonly GrantedExtension[]>([]);

  /** What a reading still running has read so far (each file asked for once), and the plan to show it against. */
  const partial = useSignal<{ plan: Plan | undefined; granted: readonly GrantedExtension[]; members: MemberFile[]; skipped: SkippedFile[] } | null>(null);

  const failed = useSignal(false);

  useEffect(() => {
    void readInto(props.load(), (loaded) => {
      plan.value = loaded.plan;
      reading.value = loaded.reading;
      stated.value = loaded.stated ?? {};
      granted.value = loaded.granted ?? loaded.plan?.extensions ?? [];
      // A period the coordinator chose while the grid filled in stays chosen.
      const chosen = periodId.value;
      if (!chosen || !loaded.plan?.periods.some((p) => p.id === chosen)) {
        periodId.value = loaded.plan ? (discussionPeriod(loaded.plan, now())?.id ?? null) : null;
      }
    }, failed);
  }, []);

  useEffect(() => {
    const source = props.reading;
    const soFar = source?.soFar;
    if (!source || !soFar) return;
    let after = 0;
    let of: number | undefined;
    let asking = false;
    let askedAt = -Infinity;
    /** What the last redraw cost the page, drawing and layout included. */
    let cost = 0;
    // At most twice a second, and so that redrawing takes at most a fifth of the page's time (but
    // at least every 2.5 s): with a thousand rows a redraw costs this machine's page a few hundred
    // ms of layout, and the page must stay free to use meanwhile. Waiting longer than that makes
    // each redraw longer (more new rows at once) for less time in all.
    return source.watch((progress) => {
      const gap = Math.min(Math.max(500, cost * 5), 2500);
      if (!progress || progress.done <= after || asking || reading.value || performance.now() - askedAt < gap) return;
      asking = true;
      askedAt = performance.now();
      void soFar(after, of)
        .then((answer) => {
          if (!answer || reading.value) return;
          const { reading: id, from, next, members, skipped } = answer.reading;
          // From the reading's first file (another reading than the one asked about): what was shown goes.
          const before = from === 0 ? null : partial.value;
          of = id;
          after = next;
          periodId.value ??= answer.plan ? (discussionPeriod(answer.plan, now())?.id ?? null) : null;
          const started = performance.now();
          partial.value = {
            plan: answer.plan,
            granted: answer.granted,
            members: [...(before?.members ?? []), ...members],
            skipped: [...(before?.skipped ?? []), ...skipped],
          };
          // Drawn by the next frame; the task after it starts once style and layout are done.
          requestAnimationFrame(() => setTimeout(() => (cost = performance.now() - started)));
        })
        .catch(() => undefined)
        .finally(() => (asking = false));
    });
  }, []);

  // The grid read so far is not the team: a reading that failed is said in its place.
  if (failed.value && !reading.value) return <StoreUnavailable title={t('teamOverviewTitle')} />;
  const soFar = reading.value ? null : partial.value;
  if (!reading.value && !soFar) {
    return (
      <main class="team-app" aria-busy="true">
        <header>
          <h1>{t('teamOverviewTitle')}</h1>
          {props.reading && <ReadingProgress {...props.reading} />}
        </header>
      </main>
    );
  }
  const currentPlan = soFar ? soFar.plan : plan.value;
  const fromFolder = soFar ? soFar.members : reading.value?.ok ? reading.value.members : [];
  const members = combine(fromFolder, imported.value);
  const skipped = [...(soFar ? soFar.skipped : reading.value?.ok ? reading.value.skipped : []), ...importSkipped.value];
  const period = currentPlan?.periods.find((p) => p.id === periodId.value);
  const overview = period ? teamOverview(period, members, soFar ? soFar.granted : granted.value) : null;
  // Granting waits for the whole reading: the page's plan and grants are read with it.
  const grants: GrantActions | 'later' | undefined = !props.grant ? undefined : soFar ? 'later' : { ...props.grant, changed: (extensions) => (granted.value = extensions) };

  return (
    <main class="team-app">
      <header>
        <h1>{t('teamOverviewTitle')}</h1>
        {/* In the same place as while nothing is read yet: the bar and its stop button stay as they are. */}
        {soFar && props.reading && <ReadingProgress {...props.reading} />}
        <p class="muted" data-testid="team-source">
          {soFar
            ? t('teamReadSoFar', fromFolder.length)
            : reading.value?.ok
              ? t('teamFromFolder', fromFolder.length)
              : reading.value?.error === 'teamNoFolder'
                ? t('teamNoFolder')
                : `${reading.value ? t(reading.value.error) : ''} ${t('teamFolderUnread')}`}
          {reading.value?.ok && reading.value.unread ? ` ${t('teamReadCancelled', reading.value.unread)}` : ''}
          {reading.value?.ok && reading.value.overCap ? ` ${t('teamOverCap', reading.value.overCap)}` : ''}
          {imported.value.length > 0 && ` ${t('teamFromFiles', imported.value.length)}`}
        </p>
        <p class="no-print"><a href="summary.html">{t('summaryLink')}</a></p>
      </header>

      <MemberFiles
        skipped={skipped}
        onRead={(added, refused) => {
          imported.value = combine(imported.value, added);
          importSkipped.value = [...importSkipped.value, ...refused];
        }}
      />

      {!currentPlan && (
        <>
          <p>{t('teamNoPlan')}</p>
          <NextSteps steps={[LOAD_PLAN(), BUILD_PLAN()]} />
        </>
      )}
      {currentPlan && (
        <p class="no-print">
          <label for="period">{t('teamPeriodLabel')}</label>{' '}
          <select id="period" value={periodId.value ?? ''} onChange={(e) => (periodId.value = (e.currentTarget as HTMLSelectElement).value)}>
            {currentPlan.periods.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title} ({dayMonth(p.starts)}–{dayMonth(p.deadline)})
              </option>
            ))}
          </select>
        </p>
      )}

      {overview && (
        <>
          <ProgressGrid
            overview={overview}
            memberCount={members.length}
            partial={soFar !== null || (reading.value?.ok === true && (reading.value.unread ?? 0) > 0)}
            download={soFar ? undefined : props.download}
            grants={grants}
          />
          {/* Counts, averages and notes of part of the team would mislead: they come once all is read. */}
          {!soFar && (
            <>
              <SessionSignups sessions={overview.sessions} />
              <TeamAssessment members={members} />
              <SharedNotes notes={overview.notes} print={props.print} />
              {period && <TeamEvaluation period={period} members={members} stated={stated.value} now={now()} download={props.download} />}
            </>
          )}
        </>
      )}
    </main>
  );
}
