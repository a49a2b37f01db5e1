import type { CourseKey } from '../site/course-key';
import type { ProgressRecord } from '../model/progress';
import type { PopupData } from './store';

// What the popup drew last time, kept in the extension's own web storage (no page or content
// script can read it) so that the next opening draws at once instead of waiting ~60 ms for the
// database to open and read. It is used only while the background's revision counter is still
// the one it was read at: every change the worker makes bumps that counter, and the popup
// reads it anyway with its settings. The database is read on every opening all the same, and
// what it holds replaces the snapshot on screen.

export const SNAPSHOT_KEY = 'kurskompis.popupSnapshot';

interface Stored {
  /** The revision the data was read at (read before the data, never after). */
  revision: number;
  /** The database and extension version that wrote it: an update never reads an older shape. */
  version: string;
  data: Omit<PopupData, 'progress'> & { progress: ProgressRecord[] };
}

/** The page's web storage, or null where the browser turned it off (reading it then throws). */
export function webStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The snapshot taken at `revision` by this `version`, or null when there is none that fits. */
export function readPopupSnapshot(storage: Pick<Storage, 'getItem'> | null, revision: number, version: string): PopupData | null {
  if (!storage) return null;
  try {
    const text = storage.getItem(SNAPSHOT_KEY);
    if (text === null) return null;
    const stored = JSON.parse(text) as Partial<Stored> | null;
    if (stored?.revision !== revision || stored.version !== version || typeof stored.data !== 'object' || stored.data === null) return null;
    const { progress, signups, own } = stored.data;
    if (!Array.isArray(progress) || !Array.isArray(signups) || !Array.isArray(own)) return null;
    return { ...stored.data, progress: new Map(progress.map((record) => [record.courseKey as CourseKey, record])) };
  } catch {
    // Web storage turned off, or a text that is not ours: the database answers instead.
    return null;
  }
}

/** Keeps what was read at `revision`; a full or disabled web storage only costs the next opening its head start. */
export function writePopupSnapshot(storage: Pick<Storage, 'setItem' | 'removeItem'> | null, revision: number, version: string, data: PopupData): void {
  if (!storage) return;
  // The folder's address may carry a user name: the popup shows the sync state without it.
  const state = data.state && { ...data.state, base: '' };
  const stored: Stored = { revision, version, data: { ...data, state, progress: [...data.progress.values()] } };
  try {
    storage.setItem(SNAPSHOT_KEY, JSON.stringify(stored));
  } catch {
    try {
      storage.removeItem(SNAPSHOT_KEY);
    } catch {
      // Nothing to keep and nothing to remove.
    }
  }
}
