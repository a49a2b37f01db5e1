import type { Note } from '../model/note';

// What to do when a text typed on one revision of a note meets a newer one. The newer one may be
// this same text saved by another tab's recovery, a change of the sharing switch, a delete, or a
// different text written in another tab or the member's other browser. Only different texts need
// the user; the other cases settle by themselves and lose nothing.

export type ConflictStep =
  /** The stored text is already this text: take its revision, nothing to save. */
  | 'settled'
  /** The stored note changed, but not its text, or to a text typed here: save this text on it. */
  | 'rebase'
  /** Deleted elsewhere while typed here: bring the note back with this text. */
  | 'revive'
  /** Nothing was typed here since the revision it started from: take the stored text. */
  | 'adopt'
  /** Two different texts: the user chooses (keep mine, keep the other, keep both). */
  | 'ask';

export interface ConflictInput {
  /** The text of the revision typing started from ('' for a note not stored yet). */
  baseText: string;
  /** What is typed here now. */
  mine: string;
  /** The stored note as it is now. */
  theirs: Note;
  /** True for a text this editor itself typed since its last save (another tab may have saved it). */
  typedHere: (text: string) => boolean;
}

export function conflictStep({ baseText, mine, theirs, typedHere }: ConflictInput): ConflictStep {
  if (theirs.deleted) return mine.trim() && mine !== baseText ? 'revive' : 'adopt';
  if (theirs.text === mine) return 'settled';
  if (theirs.text === baseText || typedHere(theirs.text)) return 'rebase';
  if (mine === baseText) return 'adopt';
  return 'ask';
}

const BETWEEN = '\n\n';

/**
 * Both texts in one, neither shortened: the other text first, then what was typed here. When
 * both only added to the text they started from (the common case: writing on at the end), the
 * start is kept once.
 */
export function keepBoth(baseText: string, mine: string, theirs: string): string {
  if (theirs.includes(mine)) return theirs;
  if (mine.includes(theirs)) return mine;
  if (baseText.trim() && mine.startsWith(baseText) && theirs.startsWith(baseText)) {
    return `${theirs.trimEnd()}${BETWEEN}${mine.slice(baseText.length).trim()}`;
  }
  return `${theirs.trimEnd()}${BETWEEN}${mine.trim()}`;
}
