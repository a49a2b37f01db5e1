import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notesWorld, PODD, PODD_TITLE } from '../support/notes-world';

// Closing, failing and reloading at the worst moment, against the notes panel as the browser
// runs it (the page's own message and draft code, the real worker and database). Whatever
// happens, nothing typed is lost. The same cases in real Chromium: test/e2e/notes-durability.

afterEach(() => void vi.useRealTimers());

const EMPTY = 'Inga tidigare reflektioner för den här kursen.';
const ORPHANED = /Kurskompis har uppdaterats eller startats om/;
const type = (field: HTMLTextAreaElement, value: string) => fireEvent.input(field, { target: { value } });
const newNoteIn = (panel: HTMLElement) => panel.querySelector<HTMLTextAreaElement>('#draft')!;
const listedIn = (panel: HTMLElement) =>
  within(within(panel).getByRole('list', { name: 'Tidigare reflektioner' }))
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.note-text')?.textContent);
const statusesIn = (panel: HTMLElement) => within(panel).queryAllByRole('status').map((s) => s.textContent);

describe('the notes panel at the worst moment', () => {
  it('closed at once after typing, its last message lost with the tab: the draft is saved by the next panel', async () => {
    const world = await notesWorld();
    const first = world.open({ debounceMs: 500 });
    await within(first.container).findByText(EMPTY);
    type(newNoteIn(first.container), 'Kort tanke');
    world.dropping = true;
    first.unmount();
    world.dropping = false;
    expect(await world.stored()).toEqual([]);
    expect(await world.drafts()).toEqual(['Kort tanke']);

    const second = world.open();
    await waitFor(() => expect(listedIn(second.container)).toEqual(['Kort tanke']));
    expect(within(second.container).getByText('Text som inte hann sparas förra gången är sparad nu.')).toBeTruthy();
    await waitFor(async () => expect(await world.drafts()).toEqual([]));
  });

  it('"Kunde inte spara" and then closed: the next panel offers the text and saves it once the worker answers', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const world = await notesWorld();
    const first = world.open({ debounceMs: 20 });
    await vi.advanceTimersByTimeAsync(0);
    world.failing = true;
    type(newNoteIn(first.container), 'Viktig tanke');
    await vi.advanceTimersByTimeAsync(20);
    await waitFor(() => expect(statusesIn(first.container)).toContain('Kunde inte spara än. Texten finns kvar här och sparas så snart det går.'));
    first.unmount();

    const second = world.open({ debounceMs: 20 });
    const offered = await within(second.container).findByLabelText<HTMLTextAreaElement>('Återställd reflektion');
    expect(offered.value).toBe('Viktig tanke');
    world.failing = false;
    // Tried again by itself, a little later.
    await vi.advanceTimersByTimeAsync(2_000);
    await waitFor(async () => expect((await world.stored()).map((n) => n.text)).toEqual(['Viktig tanke']));
    await waitFor(() => expect(within(second.container).queryByLabelText('Återställd reflektion')).toBeNull());
    await waitFor(() => expect(listedIn(second.container)).toEqual(['Viktig tanke']));
    expect(await world.drafts()).toEqual([]);
  });

  it('extension reloaded under an open panel: never "Sparad" for what it cannot keep, says so, refuses keystrokes, and the next panel saves the text', async () => {
    const world = await notesWorld();
    const old = world.open({ debounceMs: 10_000 });
    await within(old.container).findByText(EMPTY);
    const field = newNoteIn(old.container);
    type(field, 'Skrivet före uppdateringen');
    const reload = world.orphan();
    try {
      // The next keystroke finds the extension gone: refused before it lands.
      const keystroke = new InputEvent('beforeinput', { cancelable: true, data: '!', inputType: 'insertText' });
      field.dispatchEvent(keystroke);
      expect(keystroke.defaultPrevented).toBe(true);
      await within(old.container).findByText(ORPHANED);
      expect(within(old.container).getByRole('alert').textContent).toMatch(ORPHANED);
      expect(field.readOnly).toBe(true);
      expect(field.value).toBe('Skrivet före uppdateringen');
      fireEvent.click(within(old.container).getByRole('button', { name: 'Stäng Mina reflektioner' }));
      await new Promise((r) => setTimeout(r, 50));
      expect(statusesIn(old.container)).not.toContain('Sparad');
    } finally {
      reload();
    }
    old.unmount();
    expect(await world.drafts()).toEqual(['Skrivet före uppdateringen']);

    const next = world.open();
    await waitFor(() => expect(listedIn(next.container)).toEqual(['Skrivet före uppdateringen']));
  });

  it('two panels edit one note at once: the later save is not written over the first, both texts are offered, keeping both keeps every word', async () => {
    const world = await notesWorld();
    await world.store.putNotes([
      { id: 'n1', courseKey: PODD, courseTitle: PODD_TITLE, text: 'Poddar.', shared: false, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    const tabA = world.open({ debounceMs: 20 }).container;
    const tabB = world.open({ debounceMs: 20 }).container;
    for (const tab of [tabA, tabB]) fireEvent.click(await within(tab).findByRole('button', { name: 'Redigera' }));
    type(within(tabA).getByLabelText('Redigera reflektionen'), 'Poddar. Från flik A.');
    fireEvent.click(within(tabA).getByRole('button', { name: 'Klar' }));
    await waitFor(() => expect(listedIn(tabA)).toEqual(['Poddar. Från flik A.']));

    type(within(tabB).getByLabelText('Redigera reflektionen'), 'Poddar. Från flik B.');
    const offer = await within(tabB).findByRole('region', { name: /ändrades någon annanstans/ });
    expect(offer.querySelector('[data-merge="mine"]')?.textContent).toBe('Poddar. Från flik B.');
    expect(offer.querySelector('[data-merge="theirs"]')?.textContent).toBe('Poddar. Från flik A.');
    expect((await world.stored()).map((n) => n.text)).toEqual(['Poddar. Från flik A.']);
    expect(statusesIn(tabB)).not.toContain('Sparad');

    fireEvent.click(within(offer).getByRole('button', { name: 'Behåll båda' }));
    await waitFor(async () => expect((await world.stored()).map((n) => n.text)).toEqual(['Poddar. Från flik A.\n\nFrån flik B.']));
    expect(await world.drafts()).toEqual([]);
  });

  it('keeping mine or the other settles a conflict too, and the draft goes only when it is settled', async () => {
    const world = await notesWorld();
    await world.store.putNotes([
      { id: 'n1', courseKey: PODD, courseTitle: PODD_TITLE, text: 'Bas', shared: false, createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' },
    ]);
    const tab = world.open({ debounceMs: 20 }).container;
    fireEvent.click(await within(tab).findByRole('button', { name: 'Redigera' }));
    await world.store.putNotes([{ ...(await world.stored())[0]!, text: 'Deras', updatedAt: '2026-11-20T10:01:00.000Z' }]);
    type(within(tab).getByLabelText('Redigera reflektionen'), 'Min');
    const offer = await within(tab).findByRole('region', { name: /ändrades någon annanstans/ });
    expect(await world.drafts()).toEqual(['Min']);
    fireEvent.click(within(offer).getByRole('button', { name: 'Behåll min' }));
    await waitFor(async () => expect((await world.stored()).map((n) => n.text)).toEqual(['Min']));
    expect(await world.drafts()).toEqual([]);
  });

  it('a slow first save while typing goes on makes one note, not two', async () => {
    const world = await notesWorld();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let creates = 0;
    world.hold = async (message) => {
      if (message.type === 'noteCreate' && ++creates === 1) await gate;
    };
    const tab = world.open({ debounceMs: 10 }).container;
    await within(tab).findByText(EMPTY);
    type(newNoteIn(tab), 'Först');
    await waitFor(() => expect(creates).toBe(1));
    type(newNoteIn(tab), 'Först och mer');
    // Long past the wait after the last keystroke, with the first save still unanswered.
    await new Promise((r) => setTimeout(r, 60));
    fireEvent.click(within(tab).getByRole('button', { name: 'Stäng Mina reflektioner' }));
    release();
    await waitFor(() => expect(statusesIn(tab)).toContain('Sparad'));
    expect((await world.stored()).map((n) => n.text)).toEqual(['Först och mer']);
    expect(world.received.filter((t) => t === 'noteCreate')).toHaveLength(1);
  });

  it('a first save whose answer is lost, sent again with more text, still makes one note', async () => {
    const world = await notesWorld();
    const tab = world.open({ debounceMs: 10 }).container;
    await within(tab).findByText(EMPTY);
    world.losingAnswers = true;
    type(newNoteIn(tab), 'Först');
    await waitFor(() => expect(statusesIn(tab)).toContain('Kunde inte spara än. Texten finns kvar här och sparas så snart det går.'));
    world.losingAnswers = false;
    type(newNoteIn(tab), 'Först och mer');
    await waitFor(() => expect(statusesIn(tab)).toContain('Sparad'));
    expect((await world.stored()).map((n) => n.text)).toEqual(['Först och mer']);
    expect(within(tab).queryByRole('region', { name: /ändrades någon annanstans/ })).toBeNull();
  });

  it('another tab taking up the draft of a panel still being typed in offers no false conflict', async () => {
    const world = await notesWorld();
    const typing = world.open({ debounceMs: 10_000 }).container;
    await within(typing).findByText(EMPTY);
    type(newNoteIn(typing), 'Tanke ett');
    // A second tab opens now and saves the draft it finds.
    const other = world.open().container;
    await waitFor(() => expect(listedIn(other)).toEqual(['Tanke ett']));
    type(newNoteIn(typing), 'Tanke ett och två');
    fireEvent.click(within(typing).getByRole('button', { name: 'Stäng Mina reflektioner' }));
    await waitFor(() => expect(statusesIn(typing)).toContain('Sparad'));
    expect(within(typing).queryByRole('region', { name: /ändrades någon annanstans/ })).toBeNull();
    expect((await world.stored()).map((n) => n.text)).toEqual(['Tanke ett och två']);
  });
});
