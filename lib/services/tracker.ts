import type { CourseKey } from '../site/course-key';
import type { ProgressRecord } from '../model/progress';
import type { CourseFacts } from '../site/digiteket';
import type { Store } from '../storage/store';

// Records what the user has started and finished. Finishing is never undone by a page
// visit; only the user's own "Ångra" takes a course back to started.

/** The courses finished, from every progress record. */
export function doneKeys(progress: ReadonlyMap<CourseKey, ProgressRecord>): CourseKey[] {
  return [...progress.values()].filter((r) => r.status === 'done').map((r) => r.courseKey);
}

export interface CompletedEntry {
  key: CourseKey;
  title: string;
  /** Calendar date or instant from the source; today when missing. */
  completedAt?: string;
}

function instantOf(dateOrInstant: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant) ? `${dateOrInstant}T12:00:00Z` : dateOrInstant;
}

export class Tracker {
  constructor(
    private readonly store: Store,
    private readonly onChange: () => void | Promise<void>,
  ) {}

  /**
   * A course page was opened: it counts as started unless it is already known. What the page
   * says of the course (its time, its competence area) is kept for the development-talk report.
   */
  async visited(key: CourseKey, title: string, facts: CourseFacts = {}, now: Date = new Date()): Promise<void> {
    const existing = await this.store.progressOf(key);
    if (existing) {
      const missing = {
        ...(!existing.title && title ? { title } : {}),
        ...(existing.minutes === undefined && facts.minutes !== undefined ? { minutes: facts.minutes } : {}),
        ...(!existing.competenceArea && facts.competenceArea ? { competenceArea: facts.competenceArea } : {}),
      };
      // Descriptive only: no new updatedAt, so this never counts as a change to sync.
      if (Object.keys(missing).length) await this.store.putProgress([{ ...existing, ...missing }]);
      return;
    }
    const at = now.toISOString();
    await this.store.putProgress([{ courseKey: key, status: 'started', title, startedAt: at, updatedAt: at, ...facts }]);
    await this.onChange();
  }

  async markDone(
    key: CourseKey,
    title: string | undefined,
    source: NonNullable<ProgressRecord['source']>,
    now: Date = new Date(),
  ): Promise<void> {
    const existing = await this.store.progressOf(key);
    if (existing?.status === 'done') return;
    const at = now.toISOString();
    // Steps seen at an earlier finishing are not this one's: the landing page records them anew.
    const { steps: _steps, ...kept } = existing ?? {};
    await this.store.putProgress([
      {
        ...kept,
        courseKey: key,
        status: 'done',
        ...(title || existing?.title ? { title: title || existing?.title } : {}),
        completedAt: at,
        source,
        updatedAt: at,
      },
    ]);
    await this.onChange();
  }

  async undoDone(key: CourseKey, now: Date = new Date()): Promise<void> {
    const existing = await this.store.progressOf(key);
    if (!existing || existing.status !== 'done') return;
    const { completedAt: _completedAt, source: _source, steps: _steps, ...rest } = existing;
    await this.store.putProgress([{ ...rest, status: 'started', updatedAt: now.toISOString() }]);
    await this.onChange();
  }

  /**
   * The steps a done course's landing page lists, remembered once: later visits compare
   * against them, so a page can never overwrite what the course was when it was done.
   * Descriptive only, like a visit's facts: no new updatedAt, nothing to sync.
   */
  async recordSteps(key: CourseKey, steps: readonly string[]): Promise<boolean> {
    const existing = await this.store.progressOf(key);
    if (existing?.status !== 'done' || existing.steps) return false;
    await this.store.putProgress([{ ...existing, steps: [...steps] }]);
    return true;
  }

  /** Courses Digiteket lists as finished; one write for all of them. */
  async importCompleted(entries: readonly CompletedEntry[], now: Date = new Date()) {
    const progress = await this.store.progress();
    const at = now.toISOString();
    const records: ProgressRecord[] = [];
    let alreadyDone = 0;
    for (const entry of entries) {
      const existing = progress.get(entry.key);
      if (existing?.status === 'done') {
        alreadyDone += 1;
        continue;
      }
      records.push({
        ...existing,
        courseKey: entry.key,
        status: 'done',
        title: entry.title || existing?.title || entry.key,
        completedAt: entry.completedAt ? instantOf(entry.completedAt) : at,
        source: 'mina-sidor',
        updatedAt: at,
      });
    }
    if (records.length > 0) {
      await this.store.putProgress(records);
      await this.onChange();
    }
    return { imported: records.length, alreadyDone };
  }
}
