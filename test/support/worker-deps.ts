import type { Store } from '../../lib/storage/store';
import type { Setting, WorkerDeps } from '../../lib/worker/create-worker';

/** A setting kept in memory, for a worker under test. */
export function memorySetting<T>(initial: T): Setting<T> & { value: T } {
  const setting = {
    value: initial,
    getValue: async () => setting.value,
    setValue: async (value: T) => {
      setting.value = value;
    },
  };
  return setting;
}

/** A worker's collaborators for a test: offline, not in a team, every signal a no-op, unless given. */
export function workerDeps(store: Store, overrides: Partial<WorkerDeps> = {}): WorkerDeps {
  return {
    store,
    fetch: (() => Promise.reject(new Error('offline'))) as typeof fetch,
    planUrl: memorySetting<string | null>(null),
    teamFolder: memorySetting<unknown>(null),
    coordinatorMode: async () => false,
    planAddress: async () => null,
    redraw: async () => undefined,
    bumpRevision: async () => undefined,
    notesChanged: async () => undefined,
    scheduleSync: () => undefined,
    afterSync: async () => undefined,
    openReport: async () => undefined,
    ...overrides,
  };
}
