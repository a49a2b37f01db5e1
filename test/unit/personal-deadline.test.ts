import { afterEach, describe, expect, it, vi } from 'vitest';
import { planSchema, type Plan } from '../../lib/model/plan';
import type { PersonalExtension } from '../../lib/model/extension';
import { overview } from '../../lib/domain/overview';
import { memberDeadline, deadlineOf, removedExtension, type MemberExtensions } from '../../lib/time/personal-deadline';
import { currentPeriod, requiredLeft } from '../../lib/time/periods';
import { DEFAULT_REMINDERS, dueReminder } from '../../lib/time/reminders';
import { dayMonth } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import { openDatabase, Store } from '../../lib/storage/store';
import { createWorker } from '../../lib/worker/create-worker';
import type { StoredPlan } from '../../lib/model/stored';
import { fixturePlan } from '../support/fixtures';

// A personal deadline, the member's own or granted by the coordinator: days left, pace,
// reminders, the toolbar's count and the badge follow it; the period keeps its own dates.
// The fixture: November 2026 runs 1–30 Nov with four required courses, December is a pause.

const ME = 'member-0001-abcd';
const plan: Plan = planSchema.parse({
  ...fixturePlan(),
  extensions: [
    { memberId: 'member-9999-other', periodId: '2026-11', deadline: '2027-01-15' },
    { memberId: ME, periodId: '2026-10', deadline: '2026-11-10', note: 'Efter sjukskrivningen' },
  ],
});
const november = plan.periods.find((p) => p.id === '2026-11')!;
const own = (deadline: string, reason: PersonalExtension['reason'] = 'sick'): PersonalExtension => ({
  periodId: '2026-11',
  deadline,
  reason,
  updatedAt: '2026-11-15T10:00:00Z',
});
const ext = (list: PersonalExtension[], memberId: string | undefined = ME): MemberExtensions => ({ own: list, granted: plan.extensions ?? [], memberId });
const stored = { plan, source: { kind: 'file' } } as unknown as StoredPlan;
const ZONES = ['Europe/Stockholm', 'Pacific/Auckland', 'America/Los_Angeles'];
const originalTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTz;
});

describe('the deadline that applies to a member', () => {
  it('is the later of their own and the one granted to them, else the period’s', () => {
    expect(memberDeadline(november, ext([]))).toEqual({ source: 'none', deadline: '2026-11-30' });
    expect(memberDeadline(november, ext([own('2026-12-14')]))).toEqual({ source: 'own', deadline: '2026-12-14', reason: 'sick' });
    // Someone else's grant is not this member's.
    const october = plan.periods.find((p) => p.id === '2026-10')!;
    expect(memberDeadline(october, ext([]))).toEqual({ source: 'granted', deadline: '2026-11-10', note: 'Efter sjukskrivningen' });
    expect(memberDeadline(october, ext([], 'member-9999-other'))).toEqual({ source: 'none', deadline: '2026-10-30' });
    expect(memberDeadline(october, { own: [], granted: plan.extensions ?? [] }).source).toBe('none');
    // Own later than granted wins, and the other way round.
    const octOwn = (deadline: string) => ({ ...own(deadline), periodId: '2026-10' });
    expect(memberDeadline(october, ext([octOwn('2026-11-20')]))).toMatchObject({ source: 'own', deadline: '2026-11-20' });
    expect(memberDeadline(october, ext([octOwn('2026-11-05')]))).toMatchObject({ source: 'granted', deadline: '2026-11-10' });
  });

  it('ignores a date on or before the period’s own deadline: a removed one never counts', () => {
    expect(memberDeadline(november, ext([own('2026-11-20')])).source).toBe('none');
    const removed = removedExtension(november, new Date('2026-11-20T10:00:00Z'));
    expect(removed).toMatchObject({ periodId: '2026-11', deadline: '2026-11-01', updatedAt: '2026-11-20T10:00:00.000Z' });
    expect(memberDeadline(november, ext([removed]))).toEqual({ source: 'none', deadline: '2026-11-30' });
  });

  it.each(ZONES)('gives days left and pace from the personal deadline, in %s', (zone) => {
    process.env.TZ = zone;
    // 20 Nov, late evening in Sweden: 24 days to 14 Dec instead of 10 to 30 Nov.
    const now = new Date('2026-11-20T22:30:00Z');
    const plain = overview(stored, new Map(), now, ext([]));
    const personal = overview(stored, new Map(), now, ext([own('2026-12-14')]));
    if (plain.kind !== 'plan' || personal.kind !== 'plan') throw new Error('no plan');
    expect(plain.current).toMatchObject({ daysLeft: 10, pace: { kind: 'perWeek', count: 3 } });
    expect(personal.current).toMatchObject({ daysLeft: 24, pace: { kind: 'perWeek', count: 2 }, deadline: { source: 'own', deadline: '2026-12-14' } });
  });

  it.each(ZONES)('keeps the period current for the member past its own deadline, in %s', (zone) => {
    process.env.TZ = zone;
    // Saturday 5 Dec (00:30 in Sweden, still 4 Dec in the western zones): December is a pause.
    const now = new Date('2026-12-04T23:30:00Z');
    const deadline = deadlineOf(ext([own('2026-12-14')]));
    expect(currentPeriod(plan, now)).toBeUndefined();
    expect(currentPeriod(plan, now, deadline)?.id).toBe('2026-11');
    expect(requiredLeft(plan, new Map(), now)).toBe(0);
    expect(requiredLeft(plan, new Map(), now, deadline)).toBe(4);
    const view = overview(stored, new Map(), now, ext([own('2026-12-14')]));
    expect(view).toMatchObject({ moment: 'active', current: { period: { id: '2026-11' }, daysLeft: 9, pace: { kind: 'perWeek', count: 3 } } });
    // With the period's own deadline it is over for the member too.
    expect(overview(stored, new Map(), new Date('2026-12-14T23:30:00Z'), ext([own('2026-12-14')]))).toMatchObject({ moment: 'paused' });
  });

  it.each(ZONES)('moves the deadline reminders to the personal deadline, in %s', (zone) => {
    process.env.TZ = zone;
    const deadline = deadlineOf(ext([own('2026-12-14')]));
    const due = (iso: string) => dueReminder(plan, new Set(), new Set(), DEFAULT_REMINDERS, undefined, new Date(iso), deadline);
    // 7 days before 30 Nov: nothing for this member; 7 days before 14 Dec (Monday 7 Dec) and
    // 2 days before (Saturday 12 → Friday 11 Dec) instead.
    expect(dueReminder(plan, new Set(), new Set(), DEFAULT_REMINDERS, undefined, new Date('2026-11-23T08:00:00Z'))).toMatchObject({ kind: 'deadline' });
    expect(due('2026-11-23T08:00:00Z')).toBeNull();
    expect(due('2026-12-07T08:00:00Z')).toEqual({ kind: 'deadline', periodTitle: november.title, deadline: '2026-12-14', remaining: 4 });
    expect(due('2026-12-11T08:00:00Z')).toMatchObject({ kind: 'deadline', deadline: '2026-12-14' });
    expect(due('2026-12-15T08:00:00Z')).toBeNull();
  });
});

let count = 0;
async function worker(memberId?: string) {
  const store = new Store(await openDatabase(`personal-deadline-${++count}`));
  const redraw = vi.fn(async () => undefined);
  const scheduleSync = vi.fn();
  const teamFolder = memberId
    ? { url: 'https://moln.example.se/dav/', username: 'a', password: 'b', displayName: 'Kim', memberId, shareProgress: true, shareNotes: false }
    : null;
  const w = createWorker({
    store,
    fetch: vi.fn<typeof fetch>(async () => new Response('nej', { status: 500 })),
    planUrl: { getValue: async () => null, setValue: async () => undefined },
    teamFolder: { getValue: async () => teamFolder, setValue: async () => undefined },
    coordinatorMode: async () => false,
    planAddress: async () => null,
    redraw,
    bumpRevision: async () => undefined,
    notesChanged: async () => undefined,
    scheduleSync,
    afterSync: async () => undefined,
    openReport: async () => undefined,
  });
  const now = new Date('2026-11-20T10:00:00Z');
  const loaded = await w.handle({ type: 'importPlan', text: JSON.stringify(plan) }, { fromExtensionPage: true }, now);
  expect(loaded).toMatchObject({ ok: true });
  redraw.mockClear();
  return { w, store, redraw, scheduleSync, now };
}
const fromPopup = { fromExtensionPage: true };

describe('setting a personal deadline', () => {
  it('refuses a date before the start, too late, an unknown period or markup, and stores nothing', async () => {
    const { w, store, redraw, now } = await worker();
    const set = (request: Record<string, unknown>) => w.handle({ type: 'setExtension', periodId: '2026-11', reason: 'sick', ...request }, fromPopup, now);
    expect(await set({ deadline: '2026-10-31' })).toEqual({ ok: false, error: 'problem_extensionBeforeStart' });
    // 90 days after 30 Nov is 28 Feb; 1 Mar is one too many.
    expect(await set({ deadline: '2027-03-01' })).toEqual({ ok: false, error: 'problem_extensionTooLate' });
    expect(await set({ deadline: '2026-12-14', periodId: '2099-01' })).toEqual({ ok: false, error: 'problem_extensionPeriod' });
    expect(await set({ deadline: '2026-12-14', note: '<b>sjuk</b>' })).toEqual({ ok: false, error: 'extensionNoteMarkup' });
    expect(await set({ deadline: '2026-02-30' })).toMatchObject({ ok: false, error: 'messageRefused' });
    expect(await set({ deadline: '2026-12-14', reason: 'bored' })).toMatchObject({ ok: false, error: 'messageRefused' });
    // A Digiteket page cannot set one.
    expect(await w.handle({ type: 'setExtension', periodId: '2026-11', deadline: '2026-12-14', reason: 'sick' }, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, now)).toMatchObject({ ok: false });
    expect(await store.extensions()).toEqual([]);
    expect(redraw).not.toHaveBeenCalled();
    expect(t('problem_extensionTooLate')).toBe('Den personliga sista dagen ligger mer än 90 dagar efter periodens sista dag.');
  });

  it('stores a valid one, which the badge on Digiteket then shows; removing it brings the period’s back', async () => {
    const { w, store, redraw, scheduleSync, now } = await worker();
    expect(await w.handle({ type: 'setExtension', periodId: '2026-11', deadline: '2027-02-28', reason: 'leave', note: '  Föräldraledig  ' }, fromPopup, now)).toEqual({ ok: true });
    expect(await store.extensions()).toEqual([{ periodId: '2026-11', deadline: '2027-02-28', reason: 'leave', note: 'Föräldraledig', updatedAt: now.toISOString() }]);
    expect(redraw).toHaveBeenCalled();
    expect(scheduleSync).toHaveBeenCalled();
    const context = await w.handle({ type: 'pageContext' }, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, now);
    if (!context.ok || !('context' in context)) throw new Error('no context');
    expect(context.context.period?.deadline).toBe('2027-02-28');
    expect(t('badgePeriodDeadline', dayMonth(context.context.period!.deadline))).toMatch(/28 feb/);

    const later = new Date('2026-11-21T10:00:00Z');
    expect(await w.handle({ type: 'removeExtension', periodId: '2026-11' }, fromPopup, later)).toEqual({ ok: true });
    const after = await w.handle({ type: 'pageContext' }, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, later);
    expect(after.ok && 'context' in after && after.context.period?.deadline).toBe('2026-11-30');
    // Still a record, newer, so another browser's older one does not bring it back.
    expect(await store.extensions()).toEqual([{ periodId: '2026-11', deadline: '2026-11-01', reason: 'other', updatedAt: later.toISOString() }]);
  });

  it('applies a deadline the coordinator granted to this member in the plan', async () => {
    const { w, now } = await worker(ME);
    // 5 Nov: October (ended 30 Oct) runs on to 10 Nov for this member, before November.
    const early = new Date('2026-11-05T10:00:00Z');
    const context = await w.handle({ type: 'pageContext' }, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, early);
    expect(context.ok && 'context' in context && context.context.period).toMatchObject({ deadline: '2026-11-10', title: plan.periods[0]!.title });
    const other = await worker('member-5555-other');
    const theirs = await other.w.handle({ type: 'pageContext' }, { fromExtensionPage: false, place: { tabId: 1, frameId: 0 } }, now);
    expect(theirs.ok && 'context' in theirs && theirs.context.period?.deadline).toBe('2026-11-30');
  });
});
