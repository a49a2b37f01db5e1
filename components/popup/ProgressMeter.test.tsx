import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import type { StoredPlan } from '../../lib/model/stored';
import { expectAccessible } from '../../test/unit/axe';
import { fixturePlan } from '../../test/support/fixtures';
import { PopupApp, type PopupProps } from './PopupApp';

// The required courses as a bar with the day's pace marked, in the popup's period view. The
// fixture's November runs 1–30 Nov with four required courses.

const stored: StoredPlan = { plan: planSchema.parse(fixturePlan()), source: { kind: 'file' }, loadedAt: '2026-11-01T00:00:00Z' };
const done = (key: string): ProgressRecord => ({ courseKey: key, status: 'done', completedAt: '2026-11-10T10:00:00Z', updatedAt: '2026-11-10T10:00:00Z' });
const REQUIRED = ['skapa-en-podd', 'filma-med-mobilen', 'bildredigering-i-webblasaren', 'upphovsratt-och-creative-commons'];

async function show(at: string, doneCount: number, extensions?: NonNullable<Awaited<ReturnType<PopupProps['load']>>['extensions']>) {
  const progress = new Map(REQUIRED.slice(0, doneCount).map((slug) => [`digiteket.se/kurs/${slug}/`, done(`digiteket.se/kurs/${slug}/`)]));
  render(
    <PopupApp
      load={async () => ({ stored, progress, ...(extensions ? { extensions } : {}) })}
      setDone={vi.fn(async () => undefined)}
      useDemo={vi.fn(async () => ({ ok: true as const, changed: true }))}
      openOptions={vi.fn()}
      openNotes={vi.fn()}
      subscribe={() => () => undefined}
      now={() => new Date(at)}
    />,
  );
  await waitFor(() => expect(screen.getByRole('main').getAttribute('aria-busy')).toBe('false'));
  const bar = screen.getByRole('progressbar');
  return {
    bar,
    fill: () => (bar.querySelector('.meter-fill') as HTMLElement).style.width,
    marker: () => (bar.querySelector('[data-testid="pace-marker"]') as HTMLElement | null)?.style.left,
    standing: () => screen.queryByTestId('pace-standing')?.textContent,
  };
}

describe('the progress meter', () => {
  it('is named by the tally the member reads and described by where the pace is', async () => {
    // 23 Nov: 23 of 30 days, so three of four courses by tonight at an even pace.
    const meter = await show('2026-11-23T09:00:00Z', 1);
    expect(screen.getByTestId('tally').textContent).toBe('1 av 4 obligatoriska klara');
    expect(meter.bar.getAttribute('aria-valuenow')).toBe('1');
    expect(meter.bar.getAttribute('aria-valuemax')).toBe('4');
    expect(meter.bar.getAttribute('aria-valuetext')).toBe('1 av 4 obligatoriska klara');
    expect(meter.fill()).toBe('25.0%');
    expect(meter.marker()).toBe('76.7%');
    expect(meter.standing()).toBe('Strecket visar takten: i dag borde 3 av 4 vara klara. Du ligger efter.');
    // The progressbar's accessible name and description are those visible sentences.
    const describedBy = meter.bar.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe(meter.standing());
    expect(document.getElementById(meter.bar.getAttribute('aria-labelledby')!)?.textContent).toBe('1 av 4 obligatoriska klara');
    await expectAccessible(document.body);
  });

  it('says when the member is ahead or on pace', async () => {
    const ahead = await show('2026-11-08T09:00:00Z', 2);
    expect(ahead.marker()).toBe('26.7%');
    expect(ahead.standing()).toMatch(/borde 1 av 4 .* Du ligger före\.$/);
    document.body.innerHTML = '';
    const onPace = await show('2026-11-16T09:00:00Z', 2);
    expect(onPace.standing()).toMatch(/borde 2 av 4 .* Du ligger i takt\.$/);
  });

  it('measures the pace to a personal deadline', async () => {
    // Deadline moved to 14 Dec: on 23 Nov 23 of 44 days have gone, so two of four, not three.
    const meter = await show('2026-11-23T09:00:00Z', 2, { own: [{ periodId: '2026-11', deadline: '2026-12-14', reason: 'sick', updatedAt: '2026-11-20T10:00:00Z' }], granted: [] });
    expect(meter.marker()).toBe('52.3%');
    expect(meter.standing()).toMatch(/borde 2 av 4 .* Du ligger i takt\.$/);
  });

  it('drops the pace line once every required course is done', async () => {
    const meter = await show('2026-11-23T09:00:00Z', 4);
    expect(meter.fill()).toBe('100.0%');
    expect(meter.marker()).toBeUndefined();
    expect(meter.standing()).toBeUndefined();
    expect(meter.bar.hasAttribute('aria-describedby')).toBe(false);
  });
});
