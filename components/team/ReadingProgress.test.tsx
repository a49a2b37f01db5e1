import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { ReadingProgress, type ReadProgress } from './ReadingProgress';
import { TeamOverviewApp } from './TeamOverviewApp';

describe('ReadingProgress', () => {
  it('tells how far the reading has come in words and as a bar, and stops it once', async () => {
    let tell: (p: ReadProgress | null) => void = () => undefined;
    const cancel = vi.fn();
    const { container } = render(<ReadingProgress watch={(listener) => ((tell = listener), () => undefined)} cancel={cancel} />);
    tell({ done: 120, total: 1000 });
    expect((await screen.findByRole('status')).textContent).toMatch(/^Läser medlemsfiler 120 av 1\s000$/);
    const bar = container.querySelector('progress');
    expect([bar?.getAttribute('value'), bar?.getAttribute('max')]).toEqual(['120', '1000']);
    const stop = screen.getByRole('button', { name: 'Avbryt' });
    fireEvent.click(stop);
    fireEvent.click(stop);
    expect(cancel).toHaveBeenCalledTimes(1);
    await expectAccessible(container);
  });

  it('is what the overview shows until the member files are read', async () => {
    let finish: () => void = () => undefined;
    const load = () =>
      new Promise<{ plan: undefined; reading: { ok: true; members: []; skipped: [] } }>((resolve) => {
        finish = () => resolve({ plan: undefined, reading: { ok: true, members: [], skipped: [] } });
      });
    render(<TeamOverviewApp load={load} download={vi.fn()} print={vi.fn()} reading={{ watch: (l) => (l({ done: 3, total: 40 }), () => undefined), cancel: vi.fn() }} />);
    expect((await screen.findByRole('status')).textContent).toBe('Läser medlemsfiler 3 av 40');
    finish();
    await screen.findByTestId('team-source');
    expect(screen.queryByRole('button', { name: 'Avbryt' })).toBeNull();
  });
});
