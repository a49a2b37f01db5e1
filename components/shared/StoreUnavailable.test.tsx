import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expectAccessible } from '../../test/unit/axe';
import { quietErrors } from '../../test/support/unreadable';
import { SLOW_OPEN_MS, StoreUnavailable, readInto, whenOpen } from './StoreUnavailable';

afterEach(cleanup);

describe('StoreUnavailable', () => {
  it('says the saved data could not be read, that nothing changed, and offers to reload', async () => {
    const reload = vi.fn();
    const { container } = render(<StoreUnavailable title="Mina reflektioner" reload={reload} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Mina reflektioner');
    expect(screen.getByRole('alert').textContent).toMatch(/^Kurskompis kunde inte läsa det som sparats i den här webbläsaren\. Inget har ändrats eller tagits bort\./);
    fireEvent.click(screen.getByRole('button', { name: 'Ladda om sidan' }));
    expect(reload).toHaveBeenCalledOnce();
    await expectAccessible(container);
  });

  it('draws the page when the database opens, and the message in its place when it does not', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const draw = vi.fn();
    await whenOpen(Promise.resolve('store'), 'Teamöversikt', draw, root);
    expect(draw).toHaveBeenCalledWith('store');
    expect(root.textContent).toBe('');
    const errors = quietErrors();
    await whenOpen(Promise.reject(new DOMException('gone', 'UnknownError')), 'Teamöversikt', draw, root);
    expect(errors).toHaveBeenCalledOnce();
    expect(draw).toHaveBeenCalledOnce();
    expect(root.querySelector('h1')?.textContent).toBe('Teamöversikt');
    expect(root.querySelector('[role="alert"]')).not.toBeNull();
    root.remove();
  });
});

describe('whenOpen, with a database that does not answer', () => {
  afterEach(() => void vi.useRealTimers());

  it('says after a while that it is still waiting, and draws the page once the database answers', async () => {
    vi.useFakeTimers();
    const root = document.body.appendChild(document.createElement('div'));
    let open: (value: string) => void = () => {};
    const opening = new Promise<string>((resolve) => (open = resolve));
    const draw = vi.fn((store: string) => render(<main><h1>Teamöversikt</h1><p>{store}</p></main>, { container: root }));
    const done = whenOpen(opening, 'Teamöversikt', draw, root);
    await vi.advanceTimersByTimeAsync(SLOW_OPEN_MS - 1);
    expect(root.textContent).toBe('');
    await vi.advanceTimersByTimeAsync(1);
    expect(root.querySelector('h1')?.textContent).toBe('Teamöversikt');
    expect(root.querySelector('[role="alert"]')?.textContent).toMatch(/^Kurskompis väntar fortfarande på det som sparats/);
    expect(root.querySelector('button')?.textContent).toBe('Ladda om sidan');
    open('opened');
    await done;
    expect(draw).toHaveBeenCalledWith('opened');
    expect(root.querySelector('[data-testid="store-slow"]')).toBeNull();
    root.remove();
  });
});

describe('readInto', () => {
  it('flags a reading that fails, or whose use fails, and clears the flag on the next that works', async () => {
    const errors = quietErrors();
    const failed = { value: false };
    await readInto(Promise.reject(new DOMException('gone', 'UnknownError')), vi.fn(), failed);
    expect(failed.value).toBe(true);
    await readInto(Promise.resolve(1), () => undefined, failed);
    expect(failed.value).toBe(false);
    await readInto(Promise.resolve(2), () => {
      throw new TypeError('not the shape expected');
    }, failed);
    expect(failed.value).toBe(true);
    expect(errors).toHaveBeenCalledTimes(2);
  });

  it('of readings that overlap, counts only the one started last', async () => {
    quietErrors();
    const failed = { value: false };
    const used: number[] = [];
    let failOld: (error: Error) => void = () => {};
    let answerOlder: (value: number) => void = () => {};
    const old = readInto(new Promise<number>((_, reject) => (failOld = reject)), (n) => used.push(n), failed);
    const older = readInto(new Promise<number>((resolve) => (answerOlder = resolve)), (n) => used.push(n), failed);
    await readInto(Promise.resolve(3), (n) => used.push(n), failed);
    failOld(new Error('late'));
    answerOlder(2);
    await Promise.all([old, older]);
    expect(used).toEqual([3]);
    expect(failed.value).toBe(false);
  });
});
