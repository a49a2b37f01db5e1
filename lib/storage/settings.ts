import { storage } from 'wxt/utils/storage';
import { DEFAULT_REMINDERS, type ReminderSettings } from '../time/reminders';
import { REVISION_KEY } from '../messages/revision';
import type { SeenPage } from '../site/page-checks';

// Small settings and signals in the extension's storage (never the page's). Each item carries
// a version, so a later change of its shape comes with a migration instead of a surprise.

/** The plan URL the user (or policy) chose; fetched by the background. */
export const planUrlSetting = storage.defineItem<string | null>('local:planUrl', { fallback: null, version: 1 });

/** "Jag är samordnare": shows the plan editor and the collecting controls on Digiteket. */
export const coordinatorMode = storage.defineItem<boolean>('local:coordinatorMode', { fallback: false, version: 1 });

/** Where the coordinator published the plan file, for the text that tells colleagues how to join. */
export const publishAddress = storage.defineItem<string>('local:publishAddress', { fallback: '', version: 1 });

/** The team folder this browser belongs to (parse with `parseTeamSettings` before use). */
export const teamFolderSetting = storage.defineItem<unknown>('local:teamFolder', { fallback: null, version: 1 });

/** Which reminders to show (see lib/reminders.ts); each can be turned off. */
export const reminderSetting = storage.defineItem<ReminderSettings>('local:reminders', { fallback: DEFAULT_REMINDERS, version: 1 });

/** The Swedish day the last reminder was shown: never more than one a day. */
export const lastReminderDay = storage.defineItem<string | null>('local:lastReminderDay', { fallback: null, version: 1 });

/** The Digiteket pages seen last and what was recognised on each: the site check's list. */
export const seenPagesSetting = storage.defineItem<SeenPage[]>('local:seenPages', { fallback: [], version: 1 });

/** Set once the popup has suggested the site check, which it does only once. */
export const siteCheckSuggested = storage.defineItem<boolean>('local:siteCheckSuggested', { fallback: false, version: 1 });

/**
 * The notes panel's tickets and grants (lib/services/panel-tickets.ts): session storage, which
 * outlives the service worker's restarts, ends with the browser, and content scripts cannot read.
 */
export const notesPanelTickets = storage.defineItem<unknown>('session:notesPanelTickets', { fallback: null });

/** Bumped by the background after every change, so open Digiteket tabs redraw their badges. */
export const revision = storage.defineItem<number>(`local:${REVISION_KEY}`, { fallback: 0, version: 1 });

/** Counters wrap: those who watch need only that the number changed, never how large it grew. */
async function bump(counter: typeof revision): Promise<void> {
  await counter.setValue(((await counter.getValue()) + 1) % 1_000_000);
}

/** Tells open pages and tabs that stored data changed. */
export const bumpRevision = (): Promise<void> => bump(revision);

/**
 * Bumped when a note is written here. Notes merged in by a sync or a backup bump `revision`
 * instead, so a page that shows notes watches both. Notes are saved every few seconds while
 * someone writes, and nothing on Digiteket, in the toolbar or in the popup shows them: only
 * the pages that do listen, and the others (and the popup's snapshot) are left as they are.
 */
export const notesRevision = storage.defineItem<number>('local:notesRevision', { fallback: 0, version: 1 });

/** Tells the pages that show notes that a note was written here. */
export const bumpNotesRevision = (): Promise<void> => bump(notesRevision);

/** For a page that shows notes: calls `listener` on any change, a note's own or a sync's; returns how to stop. */
export function watchNotes(listener: () => void): () => void {
  const stops = [revision.watch(listener), notesRevision.watch(listener)];
  return () => stops.forEach((stop) => stop());
}

/** How far the worker's reading of the team's member files has come (the overview's progress bar); null when none runs. */
export const teamReadProgress = storage.defineItem<{ done: number; total: number } | null>('session:teamReadProgress', { fallback: null });
