import { describe, expect, it } from 'vitest';
import { conflictStep, keepBoth } from '../../lib/domain/note-merge';
import type { Note } from '../../lib/model/note';
import { nextRevision } from '../../lib/domain/notes';

const stored = (text: string, extra: Partial<Note> = {}): Note => ({
  id: 'n1',
  courseKey: 'digiteket.se/kurs/skapa-en-podd/',
  text,
  shared: false,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:05:00.000Z',
  ...extra,
});
const nothingTypedHere = () => false;

describe('a text typed on an old revision meeting a newer one', () => {
  it('asks the user when both sides wrote different texts', () => {
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar är bra', theirs: stored('Poddar är svåra'), typedHere: nothingTypedHere })).toBe('ask');
  });

  it('settles by itself when the stored text already is this text', () => {
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar är bra', theirs: stored('Poddar är bra'), typedHere: nothingTypedHere })).toBe('settled');
  });

  it('saves this text on the new revision when only the sharing switch changed there', () => {
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar är bra', theirs: stored('Poddar', { shared: true }), typedHere: nothingTypedHere })).toBe('rebase');
  });

  it('saves this text when the stored one is an earlier text typed here (another tab recovered it)', () => {
    const typed = new Set(['Podd', 'Poddar']);
    expect(conflictStep({ baseText: '', mine: 'Poddar är bra', theirs: stored('Poddar'), typedHere: (t) => typed.has(t) })).toBe('rebase');
  });

  it('takes the stored text when nothing was typed here since', () => {
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar', theirs: stored('Poddar är svåra'), typedHere: nothingTypedHere })).toBe('adopt');
  });

  it('brings back a note deleted elsewhere while it was typed on here, and lets it go when nothing was', () => {
    const deleted = stored('Poddar', { deleted: true });
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar är bra', theirs: deleted, typedHere: nothingTypedHere })).toBe('revive');
    expect(conflictStep({ baseText: 'Poddar', mine: 'Poddar', theirs: deleted, typedHere: nothingTypedHere })).toBe('adopt');
  });
});

describe('keep both', () => {
  it('keeps the common start once when both wrote on at the end', () => {
    expect(keepBoth('Poddar.', 'Poddar. Mitt tillägg.', 'Poddar. Deras tillägg.')).toBe('Poddar. Deras tillägg.\n\nMitt tillägg.');
  });

  it('keeps both whole texts when they went different ways', () => {
    expect(keepBoth('Poddar.', 'Något helt annat', 'Poddar är svåra')).toBe('Poddar är svåra\n\nNågot helt annat');
  });

  it('keeps one when it already holds the other', () => {
    expect(keepBoth('', 'Poddar', 'Poddar och mer')).toBe('Poddar och mer');
    expect(keepBoth('', 'Poddar och mer', 'Poddar')).toBe('Poddar och mer');
  });

  it('drops no character of either text', () => {
    const mine = 'Första 🎙️ raden\nAndra – שלום';
    const theirs = 'Helt annan text med å, ä och ö';
    const both = keepBoth('Bas', mine, theirs);
    expect(both).toContain(mine);
    expect(both).toContain(theirs);
  });
});

describe('revisions', () => {
  it('moves on with the clock', () => {
    expect(nextRevision('2026-11-20T10:05:00.000Z', new Date('2026-11-20T10:06:00.000Z'))).toBe('2026-11-20T10:06:00.000Z');
  });

  it('still moves on when two changes fall in one millisecond or the clock went back', () => {
    expect(nextRevision('2026-11-20T10:05:00.000Z', new Date('2026-11-20T10:05:00.000Z'))).toBe('2026-11-20T10:05:00.001Z');
    expect(nextRevision('2026-11-20T10:05:00.000Z', new Date('2026-11-20T09:00:00.000Z'))).toBe('2026-11-20T10:05:00.001Z');
  });
});
