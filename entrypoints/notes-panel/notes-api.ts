import { browser } from 'wxt/browser';
import type { Answer } from '../../lib/messages/protocol';
import { send } from '../../lib/messages/send';
import type { CourseKey } from '../../lib/site/course-key';
import type { NoteSaver, SaveOutcome } from '../../components/notes/note-editor';
import { DraftStore } from '../../components/notes/draft-store';

// The notes panel's messages to the worker, and where it keeps its drafts.

type NoteAnswer = Answer<'noteCreate'> | Answer<'noteUpdate'> | Answer<'noteRestore'>;

function outcome(answer: NoteAnswer): SaveOutcome {
  if (answer.ok) return { kind: 'saved', note: answer.note };
  if (answer.error === 'noteConflict') return { kind: 'conflict', note: answer.note };
  return { kind: 'failed' };
}

export const saver: NoteSaver = {
  create: async ({ id, courseKey, courseTitle, text }) =>
    outcome(await send({ type: 'noteCreate', id, key: courseKey, title: courseTitle, text })),
  update: async (id, text, base) => outcome(await send({ type: 'noteUpdate', id, patch: { text }, base })),
  restore: async (id) => outcome(await send({ type: 'noteRestore', id })),
};

/** After an extension reload or update, this page stays on screen with its runtime gone. */
export function extensionAlive(): boolean {
  try {
    return browser.runtime?.id !== undefined;
  } catch {
    return false;
  }
}

export function draftStore(): DraftStore {
  // Read through `browser` at each call: in an orphaned page `storage` is gone, and the store
  // treats the throw as a write that did not happen (the text stays on screen).
  return new DraftStore(
    {
      get: (keys) => browser.storage.local.get(keys),
      set: (items) => browser.storage.local.set(items),
      remove: (keys) => browser.storage.local.remove(keys),
    },
    (error) => console.warn('Kurskompis: draft not kept', error),
  );
}

/** The course's notes, newest first; a failed answer throws so the list stays as it was. */
export async function notesOf(key: CourseKey) {
  const result = await send({ type: 'notesOf', key });
  if (!result.ok) throw new Error(result.error);
  return result.notes;
}
