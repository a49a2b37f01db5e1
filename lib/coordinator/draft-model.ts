import { computed, signal, type ReadonlySignal } from '@preact/signals';
import { dequal } from 'dequal/lite';
import type { Answer, ChannelError } from '../messages/protocol';
import type { PlanProblem } from '../model/plan-parse';
import type { StoredDraft, StoredPlan } from '../model/stored';
import { checkDraft, draftOfPlan, toCandidate, withCollected, type Draft } from './draft';

// The planner's draft, without the page: what is being edited, whether that differs from what
// was saved, saving by itself a moment after the last valid change, taking in the courses the
// coordinator collected on Digiteket meanwhile, and whether leaving the page would lose
// anything. The clock and the timers are passed in; nothing here touches the DOM.

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; problems: PlanProblem[] }
  | { kind: 'unsent'; error: ChannelError };

export interface Timers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

/** The host's timers, looked up at each call (so that a test's fake timers are the ones used). */
export const hostTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftModelOptions {
  load: () => Promise<{ draft?: StoredDraft; active?: StoredPlan }>;
  save: (plan: Record<string, unknown>) => Promise<Answer<'saveDraft'>>;
  now: () => Date;
  /** How long after the last valid change the draft saves itself. */
  saveDelayMs: number;
  timers?: Timers;
}

export interface DraftModel {
  /** The draft being edited; null until one is created, opened or loaded. */
  readonly draft: ReadonlySignal<Draft | null>;
  /** True once the first load has answered. */
  readonly loaded: ReadonlySignal<boolean>;
  /** The plan in force in this browser, as last loaded. */
  readonly active: ReadonlySignal<StoredPlan | undefined>;
  readonly saveState: ReadonlySignal<SaveState>;
  /** The draft differs from what was last saved (or loaded). */
  readonly dirty: ReadonlySignal<boolean>;
  /** The plan parser's problems with the draft; empty when it is valid (or there is none). */
  readonly problems: ReadonlySignal<readonly PlanProblem[]>;
  /** Replace the draft; a valid one is saved after the delay, or at once when asked. */
  set: (next: Draft, immediately?: boolean) => void;
  /** Save the draft now if it is valid. */
  saveNow: () => Promise<void>;
  /** Read what is stored: the draft as saved (with collected courses) and the plan in force. */
  reload: () => Promise<void>;
  /** For `beforeunload`: keeps the page while something is unsaved. */
  leaveGuard: (event: { preventDefault: () => void }) => void;
  /** Stops a pending save. */
  dispose: () => void;
}

/** The draft as it would be saved, without the time stamp that changes on every save. */
export function shapeOf(draft: Draft): Record<string, unknown> {
  return { ...toCandidate(draft, new Date(0)), updatedAt: '' };
}

export function createDraftModel(options: DraftModelOptions): DraftModel {
  const { load, save, now, saveDelayMs } = options;
  const timers = options.timers ?? hostTimers;
  const draft = signal<Draft | null>(null);
  const loaded = signal(false);
  const active = signal<StoredPlan | undefined>(undefined);
  const savedShape = signal<Record<string, unknown> | null>(null);
  const saveState = signal<SaveState>({ kind: 'idle' });
  let timer: unknown;

  const isDirty = (current: Draft | null) => current !== null && !dequal(shapeOf(current), savedShape.value);
  const dirty = computed(() => isDirty(draft.value));
  const problems = computed<readonly PlanProblem[]>(() => {
    const current = draft.value;
    if (!current) return [];
    const checked = checkDraft(current, now());
    return checked.ok ? [] : checked.problems;
  });

  const cancel = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };

  const saveNow = async () => {
    const current = draft.value;
    if (!current) return;
    const checked = checkDraft(current, now());
    if (!checked.ok) return;
    saveState.value = { kind: 'saving' };
    const result = await save(checked.plan);
    if (result.ok) {
      savedShape.value = shapeOf(current);
      saveState.value = { kind: 'saved', at: new Date(result.savedAt) };
    } else {
      saveState.value = result.error === 'notSavedProblems' ? { kind: 'failed', problems: result.problems } : { kind: 'unsent', error: result.error };
    }
  };

  const set = (next: Draft, immediately = false) => {
    draft.value = next;
    cancel();
    if (!checkDraft(next, now()).ok) return;
    if (immediately) void saveNow();
    else
      timer = timers.set(() => {
        timer = undefined;
        void saveNow();
      }, saveDelayMs);
  };

  const reload = async () => {
    const { draft: stored, active: inForce } = await load();
    active.value = inForce;
    loaded.value = true;
    if (!stored) return;
    const fromStore = draftOfPlan(stored.plan);
    const local = draft.value;
    if (!local || !isDirty(local)) {
      // Nothing unsaved here: show what is stored, courses collected on Digiteket included.
      if (!local || !dequal(shapeOf(local), shapeOf(fromStore))) draft.value = fromStore;
      savedShape.value = shapeOf(fromStore);
      if (saveState.value.kind === 'idle') saveState.value = { kind: 'saved', at: new Date(stored.savedAt) };
    } else {
      // Unsaved edits here: keep them, and add what was collected meanwhile.
      const merged = withCollected(local, fromStore);
      if (!dequal(shapeOf(merged), shapeOf(local))) set(merged);
    }
  };

  return {
    draft,
    loaded,
    active,
    saveState,
    dirty,
    problems,
    set,
    saveNow,
    reload,
    leaveGuard: (event) => {
      if (isDirty(draft.value)) event.preventDefault();
    },
    dispose: cancel,
  };
}
