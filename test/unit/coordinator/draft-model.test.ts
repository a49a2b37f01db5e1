import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newDraft, type Draft, type DraftItem } from '../../../lib/coordinator/draft';
import { createDraftModel, type DraftModelOptions, type Timers } from '../../../lib/coordinator/draft-model';
import type { Answer } from '../../../lib/messages/protocol';
import { parsePlanText } from '../../../lib/model/plan-parse';
import type { Plan } from '../../../lib/model/plan';
import type { StoredDraft } from '../../../lib/model/stored';

const NOW = new Date('2026-11-25T10:00:00Z');
const DELAY = 600;
const podd: DraftItem = { url: 'https://digiteket.se/kurs/skapa-en-podd/', title: 'Skapa en podd', kind: 'course', optional: false };

/** A stored draft as the background keeps it: saves are parsed, and courses can be collected. */
function fakeStore() {
  let stored: StoredDraft | undefined;
  let answer: ((plan: Record<string, unknown>) => Answer<'saveDraft'>) | undefined;
  const save = vi.fn(async (plan: Record<string, unknown>): Promise<Answer<'saveDraft'>> => {
    if (answer) return answer(plan);
    const checked = parsePlanText(JSON.stringify(plan));
    if (!checked.ok) return { ok: false, error: 'notSavedProblems', problems: checked.problems };
    stored = { plan: checked.plan, savedAt: NOW.toISOString() };
    return { ok: true, savedAt: NOW.toISOString() };
  });
  return {
    load: vi.fn(async () => (stored ? { draft: stored } : {})),
    save,
    stored: () => stored,
    /** The coordinator ticks a course on Digiteket: the background adds it to the stored draft. */
    collect(periodIndex: number, item: { url: string; title: string }) {
      const plan = stored!.plan;
      const periods = plan.periods.map((p, i) => (i === periodIndex ? { ...p, items: [...p.items, { ...item, kind: 'course' as const }] } : p));
      stored = { plan: { ...plan, periods } as Plan, savedAt: NOW.toISOString() };
    },
    /** From now on saves answer this instead of storing. */
    answerWith(next: (plan: Record<string, unknown>) => Answer<'saveDraft'>) {
      answer = next;
    },
  };
}

function modelOver(store: ReturnType<typeof fakeStore>, options: Partial<DraftModelOptions> = {}) {
  return createDraftModel({ load: store.load, save: store.save, now: () => NOW, saveDelayMs: DELAY, ...options });
}

const named = (draft: Draft, teamName: string): Draft => ({ ...draft, teamName });
const withTitle = (draft: Draft, title: string): Draft => ({ ...draft, periods: draft.periods.map((p, i) => (i === 0 ? { ...p, title } : p)) });

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('the planner’s draft model', () => {
  it('saves a valid draft by itself once the delay has passed after the last change', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    model.set(draft);
    await vi.advanceTimersByTimeAsync(DELAY - 100);
    model.set(named(draft, 'Östersunds bibliotek och Brunflo'));
    await vi.advanceTimersByTimeAsync(DELAY - 1);
    // The second change restarted the wait.
    expect(store.save).not.toHaveBeenCalled();
    expect(model.saveState.value).toEqual({ kind: 'idle' });
    await vi.advanceTimersByTimeAsync(1);
    expect(store.save).toHaveBeenCalledTimes(1);
    expect(store.stored()?.plan.team.name).toBe('Östersunds bibliotek och Brunflo');
    expect(model.saveState.value).toEqual({ kind: 'saved', at: NOW });
  });

  it('never saves an invalid draft, and names its problems', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    model.set(draft);
    model.set(withTitle(draft, ''));
    await vi.advanceTimersByTimeAsync(DELAY * 10);
    expect(store.save).not.toHaveBeenCalled();
    expect(model.problems.value.map((p) => `${p.path} ${p.reason}`)).toEqual(['periods[0].title empty']);
    // Fixing it saves again, after the delay.
    model.set(withTitle(draft, 'November: Skapa innehåll'));
    expect(model.problems.value).toEqual([]);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(store.stored()?.plan.periods[0]?.title).toBe('November: Skapa innehåll');
  });

  it('saves at once when asked, without waiting', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW), true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.save).toHaveBeenCalledTimes(1);
  });

  it('is dirty from a change until that change is saved', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    expect(model.dirty.value).toBe(false);
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    model.set(draft);
    expect(model.dirty.value).toBe(true);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(model.dirty.value).toBe(false);
    model.set(named(draft, 'Brunflo bibliotek'));
    expect(model.dirty.value).toBe(true);
    // Changing it back to what was saved is clean again.
    model.set(draft);
    expect(model.dirty.value).toBe(false);
  });

  it('shows the stored draft on load, as saved', async () => {
    const store = fakeStore();
    const first = modelOver(store);
    first.set(newDraft('Östersunds bibliotek', 'sv', NOW), true);
    await vi.advanceTimersByTimeAsync(0);

    const model = modelOver(store);
    expect(model.loaded.value).toBe(false);
    await model.reload();
    expect(model.loaded.value).toBe(true);
    expect(model.draft.value?.teamName).toBe('Östersunds bibliotek');
    expect(model.dirty.value).toBe(false);
    expect(model.saveState.value).toEqual({ kind: 'saved', at: NOW });
  });

  it('takes in a course collected on Digiteket: shown at once when nothing is unsaved', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW), true);
    await vi.advanceTimersByTimeAsync(0);
    store.collect(0, podd);
    await model.reload();
    expect(model.draft.value?.periods[0]?.items.map((i) => i.url)).toEqual([podd.url]);
    expect(model.dirty.value).toBe(false);
  });

  it('merges a course collected meanwhile into an unsaved draft without losing the coordinator’s edits', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    const draft = newDraft('Östersunds bibliotek', 'sv', NOW);
    model.set(draft, true);
    await vi.advanceTimersByTimeAsync(0);
    // The coordinator types; before the draft saves itself, a course is collected on Digiteket.
    model.set(withTitle(named(draft, 'Brunflo bibliotek'), 'November: Skapa innehåll'));
    store.collect(0, podd);
    await model.reload();
    const merged = model.draft.value!;
    expect(merged.teamName).toBe('Brunflo bibliotek');
    expect(merged.periods[0]?.title).toBe('November: Skapa innehåll');
    expect(merged.periods[0]?.items.map((i) => i.url)).toEqual([podd.url]);
    expect(model.dirty.value).toBe(true);
    // …and the merged draft saves itself like any change, edits and course together.
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(store.stored()?.plan.team.name).toBe('Brunflo bibliotek');
    expect(store.stored()?.plan.periods[0]).toMatchObject({ title: 'November: Skapa innehåll', items: [expect.objectContaining({ url: podd.url })] });
    expect(model.dirty.value).toBe(false);
  });

  it('guards leaving the page while something is unsaved', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    const leave = () => {
      const event = { preventDefault: vi.fn() };
      model.leaveGuard(event);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(leave()).toBe(false);
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW));
    expect(leave()).toBe(true);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(leave()).toBe(false);
    // An invalid change is never saved, so it keeps the guard on.
    model.set(withTitle(model.draft.value!, ''));
    await vi.advanceTimersByTimeAsync(DELAY * 10);
    expect(leave()).toBe(true);
  });

  it('keeps the draft dirty when the save is refused, with the problems named', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    const problem = { path: 'periods[0].items[0].url', reason: 'itemUrl' } as const;
    store.answerWith(() => ({ ok: false, error: 'notSavedProblems', problems: [problem] }));
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW));
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(store.save).toHaveBeenCalledTimes(1);
    expect(model.saveState.value).toEqual({ kind: 'failed', problems: [problem] });
    expect(model.dirty.value).toBe(true);
  });

  it('keeps the draft dirty when the save never reached the background', async () => {
    const store = fakeStore();
    const model = modelOver(store);
    store.answerWith(() => ({ ok: false, error: 'messageUndelivered' }));
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW));
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(model.saveState.value).toEqual({ kind: 'unsent', error: 'messageUndelivered' });
    expect(model.dirty.value).toBe(true);
    const event = { preventDefault: vi.fn() };
    model.leaveGuard(event);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('uses the timers it is given, and a pending save stops when disposed', () => {
    const pending = new Map<number, { run: () => void; ms: number }>();
    let next = 0;
    const timers: Timers = {
      set: (run, ms) => (pending.set(++next, { run, ms }), next),
      clear: (handle) => void pending.delete(handle as number),
    };
    const store = fakeStore();
    const model = modelOver(store, { timers });
    model.set(newDraft('Östersunds bibliotek', 'sv', NOW));
    expect([...pending.values()].map((p) => p.ms)).toEqual([DELAY]);
    model.dispose();
    expect(pending.size).toBe(0);
    expect(store.save).not.toHaveBeenCalled();
  });
});
