import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import { EVALUATION_ERRORS } from '../../lib/model/evaluation';
import { EvaluationService } from '../../lib/services/evaluations';
import { openDatabase, Store } from '../../lib/storage/store';
import { t } from '../../lib/text/i18n';
import { lastEndedPeriod, periodOfCourse } from '../../lib/time/evaluable';
import { createWorker } from '../../lib/worker/create-worker';
import { fixturePlan } from '../support/fixtures';
import { workerDeps } from '../support/worker-deps';

// A member's evaluation of a course: each rule refuses with its own sentence and stores
// nothing; a saved answer can be changed, and the change goes to the team folder.

const PODD = 'digiteket.se/kurs/skapa-en-podd/';
const ALGORITM = 'digiteket.se/kurs/vad-ar-en-algoritm/';
// The fixture's November period ends on the 30th; this is the next day, in Sweden's morning.
const NOW = new Date('2026-12-01T08:00:00Z');
const plan = planSchema.parse(fixturePlan());
let dbCount = 0;

async function world() {
  const store = new Store(await openDatabase(`evaluations-${++dbCount}`));
  await store.setActivePlan({ plan, source: { kind: 'file' }, loadedAt: '2026-11-20T10:00:00Z' });
  const onChange = vi.fn();
  return { store, onChange, service: new EvaluationService(store, onChange) };
}

describe('saving an evaluation', () => {
  it('keeps usefulness, real minutes, comment and the choice to show the name; a second save changes it', async () => {
    const { store, onChange, service } = await world();
    const first = await service.save({ periodId: '2026-11', courseKey: PODD, usefulness: 4, minutes: 50, comment: '  Bra övningar  ', showName: true }, NOW);
    expect(first).toEqual({
      ok: true,
      evaluation: { periodId: '2026-11', courseKey: PODD, usefulness: 4, minutes: 50, comment: 'Bra övningar', showName: true, updatedAt: NOW.toISOString() },
    });
    const later = new Date(NOW.getTime() + 60_000);
    expect((await service.save({ periodId: '2026-11', courseKey: PODD, usefulness: 2, comment: '   ' }, later)).ok).toBe(true);
    // One answer per course and period; the emptied comment and the unticked name are gone.
    expect(await store.evaluations()).toEqual([{ periodId: '2026-11', courseKey: PODD, usefulness: 2, updatedAt: later.toISOString() }]);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['a period not in the plan', { periodId: '2099-01' }, 'evaluationNoPeriod'],
    ['a course of another period', { courseKey: ALGORITM }, 'evaluationNoCourse'],
    ['usefulness 0', { usefulness: 0 }, 'evaluationUsefulness'],
    ['usefulness 6', { usefulness: 6 }, 'evaluationUsefulness'],
    ['usefulness 3.5', { usefulness: 3.5 }, 'evaluationUsefulness'],
    ['no minutes at all (0)', { minutes: 0 }, 'evaluationMinutes'],
    ['minutes over 6000', { minutes: 6001 }, 'evaluationMinutes'],
    ['minutes with a fraction', { minutes: 12.5 }, 'evaluationMinutes'],
    ['a comment over 1000 characters', { comment: 'x'.repeat(1001) }, 'evaluationComment'],
  ] as const)('refuses %s with its sentence and stores nothing', async (_name, patch, error) => {
    const { store, onChange, service } = await world();
    await service.save({ periodId: '2026-11', courseKey: PODD, usefulness: 5 }, NOW);
    onChange.mockClear();
    const answer = await service.save({ periodId: '2026-11', courseKey: PODD, usefulness: 3, ...patch }, new Date(NOW.getTime() + 1000));
    expect(answer).toEqual({ ok: false, error });
    expect(t(error)).toMatch(/Inget sparades\.$/);
    expect(await store.evaluations()).toEqual([{ periodId: '2026-11', courseKey: PODD, usefulness: 5, updatedAt: NOW.toISOString() }]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('has a sentence for every refusal', () => {
    for (const error of EVALUATION_ERRORS) expect(t(error)).not.toBe('');
  });
});

describe('the worker', () => {
  it('saves from an extension page and schedules the sync; a Digiteket page may not save', async () => {
    const store = new Store(await openDatabase(`evaluations-${++dbCount}`));
    await store.setActivePlan({ plan, source: { kind: 'file' }, loadedAt: '2026-11-20T10:00:00Z' });
    const scheduleSync = vi.fn();
    const redraw = vi.fn(async () => undefined);
    const w = createWorker(workerDeps(store, { scheduleSync, redraw }));
    const request = { type: 'saveEvaluation', periodId: '2026-11', courseKey: PODD, usefulness: 4, minutes: 45 };
    expect(await w.handle(request, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, NOW)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await store.evaluations()).toEqual([]);
    expect(await w.handle({ ...request, usefulness: 9 }, { fromExtensionPage: true }, NOW)).toEqual({ ok: false, error: 'evaluationUsefulness' });
    expect(scheduleSync).not.toHaveBeenCalled();
    expect((await w.handle(request, { fromExtensionPage: true }, NOW)).ok).toBe(true);
    expect((await store.evaluation('2026-11', PODD))?.minutes).toBe(45);
    expect(redraw).toHaveBeenCalled();
    expect(scheduleSync).toHaveBeenCalledTimes(1);
  });

  it('opens the form for a course page, in the period that gave the course, and only for a course key', async () => {
    const store = new Store(await openDatabase(`evaluations-${++dbCount}`));
    await store.setActivePlan({ plan, source: { kind: 'file' }, loadedAt: '2026-11-20T10:00:00Z' });
    const openEvaluation = vi.fn(async () => undefined);
    const w = createWorker(workerDeps(store, { openEvaluation }));
    const page = { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } };
    expect(await w.handle({ type: 'openEvaluation', key: PODD }, page, NOW)).toEqual({ ok: true });
    expect(openEvaluation).toHaveBeenCalledWith('2026-11', PODD);
    // The page names a course and nothing more: no period, no address of its choosing.
    expect(await w.handle({ type: 'openEvaluation', key: PODD, period: '2026-10', url: 'https://evil.example/' }, page, NOW)).toEqual({ ok: true });
    expect(openEvaluation).toHaveBeenLastCalledWith('2026-11', PODD);
    expect(await w.handle({ type: 'openEvaluation', key: 'https://evil.example/' }, page, NOW)).toEqual({ ok: false, error: 'messageRefused' });
    expect(await w.handle({ type: 'openEvaluation', key: 'digiteket.se/kurs/inte-i-planen/' }, page, NOW)).toEqual({ ok: false, error: 'evaluationNoPeriod' });
    expect(openEvaluation).toHaveBeenCalledTimes(2);
  });
});

describe('which period to evaluate', () => {
  it('is the one whose deadline passed last, whatever the time of day in Sweden', () => {
    // 30 November 23:30 in Stockholm is still November's last day; 00:30 on 1 December is not.
    expect(lastEndedPeriod(plan, new Date('2026-11-30T22:30:00Z'))?.id).toBe('2026-10');
    expect(lastEndedPeriod(plan, new Date('2026-11-30T23:30:00Z'))?.id).toBe('2026-11');
    // December's pause has no courses: November stays the one to evaluate.
    expect(lastEndedPeriod(plan, new Date('2027-01-05T12:00:00Z'))?.id).toBe('2026-11');
    expect(lastEndedPeriod(plan, new Date('2026-10-15T12:00:00Z'))).toBeUndefined();
  });

  it('gives a course the latest period begun that has it, so a running period’s done course counts there', () => {
    expect(periodOfCourse(plan, PODD, new Date('2026-11-10T12:00:00Z'))?.id).toBe('2026-11');
    expect(periodOfCourse(plan, PODD, new Date('2026-10-10T12:00:00Z'))).toBeUndefined();
    expect(periodOfCourse(plan, ALGORITM, new Date('2027-02-10T12:00:00Z'))?.id).toBe('2026-10');
  });
});
