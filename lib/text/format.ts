import { formatDayMonth, formatTime, isoWeek, todayInSweden } from '../time/dates';
import { t, uiLocale } from './i18n';
import type { PlanProblem } from '../model/plan-parse';
import type { PlanSession } from '../model/plan';
import type { Pace } from '../time/periods';
import type { PlanChange } from '../model/stored';
import { daysUntil, type Reminder } from '../time/reminders';
import type { FolderError, SyncState } from '../model/results';

// Sentences built from translated pieces, shared by popup, options and in-page UI.

export function dayMonth(date: string): string {
  return formatDayMonth(date, uiLocale());
}

export function deadlineText(deadline: string): string {
  return t('deadlineWithWeek', [dayMonth(deadline), isoWeek(deadline)]);
}

export function daysLeftText(days: number): string {
  if (days < 0) return t('deadlinePassed');
  if (days === 0) return t('lastDayToday');
  if (days === 1) return t('oneDayLeft');
  return t('daysLeft', days);
}

export function paceText(pace: Pace): string {
  switch (pace.kind) {
    case 'done':
      return t('paceDone');
    case 'overdue':
      return t('paceOverdue', pace.remaining);
    case 'inDays':
      return pace.days === 1 ? t('paceToday', pace.remaining) : t('paceInDays', [pace.remaining, pace.days]);
    case 'perWeek':
      return pace.count === 1 ? t('paceOnePerWeek') : t('pacePerWeek', pace.count);
  }
}

export function sessionText(session: PlanSession): string {
  const starts = new Date(session.starts);
  const ends = new Date(session.ends);
  const locale = uiLocale();
  return t('sessionWhen', [
    dayMonth(todayInSweden(starts)),
    formatTime(starts, locale),
    formatTime(ends, locale),
    session.place,
  ]);
}

export function problemText(problem: PlanProblem): string {
  const what = t(`problem_${problem.reason}`);
  const where = problem.period
    ? problem.period.title
      ? t('problemInPeriodTitled', [problem.period.number, problem.period.title])
      : t('problemInPeriod', problem.period.number)
    : '';
  const parts = [where, problem.path ? `(${problem.path})` : '', what].filter(Boolean);
  return parts.join(' ');
}

/** Why the team folder could not be used, in a sentence of its own. */
export function folderErrorText(error: FolderError): string {
  return t(`syncError_${error}`);
}

/**
 * The part of a signing key's fingerprint people compare: 16 hex digits in groups of four
 * ("3f2a 9b1c 77d0 e4a2"). Here rather than with the signature, so pages need no zod for it.
 */
export function fingerprintText(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** What the last team-folder sync did, in one line ("Synkat 10.42", "Når inte teamets mapp – nytt försök 10.57"). */
export function syncStateText(state: SyncState | undefined): string {
  if (!state) return t('syncNever');
  const locale = uiLocale();
  const clock = (iso: string) => formatTime(new Date(iso), locale);
  const retry = state.nextTryAt ? ` ${t('syncRetryAt', clock(state.nextTryAt))}` : '';
  const plan = state.planProblem ? ` ${t('syncPlanProblem')}` : '';
  const at = state.memberChangedAt ? new Date(state.memberChangedAt) : null;
  const changed = at ? ` ${t('syncMemberChanged', `${dayMonth(todayInSweden(at))} ${clock(at.toISOString())}`)}` : '';
  if (state.error) return `${folderErrorText(state.error)}${retry}${plan}${changed}`;
  if (state.lastOkAt) return `${t('syncedAt', clock(state.lastOkAt))}${plan}${changed}`;
  return `${t('syncNever')}${changed}`;
}

/** One change of a plan, as staff read it ("2 nya kurser i ”November”"). */
export function changeText(change: PlanChange): string {
  switch (change.kind) {
    case 'itemsAdded':
      return change.count === 1 ? t('changeOneAdded', change.period) : t('changeAdded', [change.count, change.period]);
    case 'itemsRemoved':
      return change.count === 1 ? t('changeOneRemoved', change.period) : t('changeRemoved', [change.count, change.period]);
    case 'deadlineMoved':
      return t('changeDeadline', [change.period, dayMonth(change.to), dayMonth(change.from)]);
    case 'periodAdded':
      return t('changePeriodAdded', change.period);
    case 'periodRemoved':
      return t('changePeriodRemoved', change.period);
    case 'pausedChanged':
      return change.paused ? t('changePaused', change.period) : t('changeUnpaused', change.period);
    case 'sessionsChanged':
      return t('changeSessions', change.period);
  }
}

/** The title and text of a reminder notification. */
export function reminderText(reminder: Reminder, now: Date = new Date()): { title: string; message: string } {
  switch (reminder.kind) {
    case 'session': {
      const starts = new Date(reminder.starts);
      return { title: t('reminderSessionTitle'), message: t('reminderSession', [formatTime(starts, uiLocale()), reminder.place, reminder.periodTitle]) };
    }
    case 'deadline':
      return {
        title: t('reminderDeadlineTitle', reminder.periodTitle),
        message: t('reminderDeadline', [reminder.remaining, dayMonth(reminder.deadline), daysUntil(reminder.deadline, now)]),
      };
    case 'newPeriod':
      return { title: t('reminderNewPeriodTitle', reminder.periodTitle), message: t('reminderNewPeriod', [reminder.required, dayMonth(reminder.deadline)]) };
  }
}
