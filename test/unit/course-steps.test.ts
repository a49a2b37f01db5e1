import { describe, expect, it, vi } from 'vitest';
import { stepsChange } from '../../lib/domain/course-changes';
import { requestSchema } from '../../lib/messages/protocol';
import { courseStepPaths } from '../../lib/site/page-item';
import { openDatabase, Store } from '../../lib/storage/store';
import { createWorker } from '../../lib/worker/create-worker';
import { fixturePage } from '../support/fixtures';

// A course changed after it was done: the landing page's steps are remembered when the course
// is done, and a later visit compares. A page may only send its own course's steps, once.

const COURSE = 'digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/';
const LANDING = `https://${COURSE}`;
const PATH = `/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/`;
const STEP_1 = `${PATH}en-studiecirkel-blir-till-17992.66d6b462575cc5.95724959/`;
const STEP_2 = `${PATH}att-leda-samtalet-17993.66d6b4626c1a43.10482215/`;
const STEP_3 = `${PATH}ai-och-kallkritik-18240.67a1c0d2e4f5a3.20481733/`;
const OTHER = '/kurs/skapa-en-podd/forsta-steget-100.66d6b462575cc5.95724959/';

const load = (file: string) => new DOMParser().parseFromString(fixturePage(file), 'text/html');
const page = { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } };

let count = 0;
async function worker() {
  const store = new Store(await openDatabase(`course-steps-${++count}`));
  const redraw = vi.fn(async () => undefined);
  const w = createWorker({
    store,
    fetch: vi.fn<typeof fetch>(async () => new Response('', { status: 500 })),
    planUrl: { getValue: async () => null, setValue: async () => undefined },
    teamFolder: { getValue: async () => null, setValue: async () => undefined },
    coordinatorMode: async () => false,
    planAddress: async () => null,
    redraw,
    bumpRevision: async () => undefined,
    notesChanged: async () => undefined,
    scheduleSync: () => undefined,
    afterSync: async () => undefined,
    openReport: async () => undefined,
  });
  return { w, store };
}

describe('the steps of a course', () => {
  it('reads the steps a landing page lists in its course menu, as canonical paths', () => {
    expect(courseStepPaths(load('kurs-kaninhalet.html'), new URL(LANDING))).toEqual([STEP_1, STEP_2]);
    expect(courseStepPaths(load('kurs-kaninhalet-tre-steg.html'), new URL(LANDING))).toEqual([STEP_1, STEP_2, STEP_3]);
    // A step page lists the same menu, but only the landing page says what the course is.
    expect(courseStepPaths(load('kurs-kaninhalet-steg-1.html'), new URL(`https://digiteket.se${STEP_1}`))).toEqual([]);
  });

  it('counts new and removed steps; the same set in another order is no change', () => {
    expect(stepsChange([STEP_1, STEP_2], [STEP_2, STEP_1])).toBeNull();
    expect(stepsChange([STEP_1, STEP_2], [STEP_1, STEP_2, STEP_3])).toEqual({ added: 1, removed: 0 });
    expect(stepsChange([STEP_1, STEP_2], [STEP_3])).toEqual({ added: 1, removed: 2 });
  });

  it('takes from a page only canonical paths of that course’s own steps, within bounds', () => {
    const ok = (steps: string[]) => requestSchema.safeParse({ type: 'courseSteps', key: COURSE, steps }).success;
    expect(ok([STEP_1, STEP_2])).toBe(true);
    expect(ok([STEP_1, OTHER])).toBe(false);
    expect(ok([`https://digiteket.se${STEP_1}`])).toBe(false);
    expect(ok([STEP_1.toUpperCase()])).toBe(false);
    expect(ok([`//evil.example${STEP_1}`])).toBe(false);
    expect(ok([PATH])).toBe(false);
    expect(ok([])).toBe(false);
    expect(ok(Array.from({ length: 201 }, () => STEP_1))).toBe(false);
  });

  it('remembers the steps of a done course once, gives them back for its page, and forgets them when undone', async () => {
    const { w, store } = await worker();
    const send = (steps: string[]) => w.handle({ type: 'courseSteps', key: COURSE, steps }, page);
    const context = async () => {
      const answer = await w.handle({ type: 'pageContext', key: COURSE }, page);
      return answer.ok && 'context' in answer ? answer.context : undefined;
    };
    // Not done: nothing to remember.
    expect(await send([STEP_1, STEP_2])).toEqual({ ok: true, recorded: false });
    expect(await store.progressOf(COURSE)).toBeUndefined();

    await w.handle({ type: 'setDone', key: COURSE, done: true, title: 'Ner i kaninhålet' }, page);
    const before = await store.progressOf(COURSE);
    expect(await send([STEP_1, STEP_2])).toEqual({ ok: true, recorded: true });
    expect((await context())?.steps).toEqual({ key: COURSE, recorded: [STEP_1, STEP_2] });
    // Descriptive: no new updatedAt, and the course stays done.
    expect(await store.progressOf(COURSE)).toMatchObject({ status: 'done', updatedAt: before?.updatedAt, steps: [STEP_1, STEP_2] });

    // The page cannot overwrite what the course was when it was done.
    expect(await send([STEP_1, STEP_2, STEP_3])).toEqual({ ok: true, recorded: false });
    expect((await context())?.steps?.recorded).toEqual([STEP_1, STEP_2]);
    // Nor send another course's steps.
    expect(await send([OTHER])).toEqual({ ok: false, error: 'messageRefused' });

    await w.handle({ type: 'setDone', key: COURSE, done: false }, page);
    expect((await store.progressOf(COURSE))?.steps).toBeUndefined();
    expect((await context())?.steps).toBeUndefined();
  });
});
