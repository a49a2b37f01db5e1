import { render } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NotesPanel } from '../../components/notes/NotesPanel';
import { draftStore, extensionAlive, notesOf, saver } from '../../entrypoints/notes-panel/notes-api';
import { send } from '../../lib/messages/send';
import type { Note } from '../../lib/model/note';
import { openDatabase, Store } from '../../lib/storage/store';
import { createWorker } from '../../lib/worker/create-worker';

// The notes panel as the browser runs it, for unit and fault tests: the page's own message and
// draft code (notes-api.ts) over the fake browser, answered by the real worker on an IndexedDB
// of its own. Messages can be held back or dropped, and the extension can go away.

export const PODD = 'digiteket.se/kurs/skapa-en-podd/';
export const PODD_TITLE = 'Skapa en podd';
let worlds = 0;

export interface NotesWorld {
  store: Store;
  /** Messages wait here while set (a slow worker); resolve to let one through. */
  hold: ((message: { type: string }) => Promise<void>) | null;
  /** Messages are lost on the way while set (the tab closed, the worker was gone). */
  dropping: boolean;
  /** Messages fail while set: the sender hears the worker could not be reached. */
  failing: boolean;
  /** The worker does the work but its answers are lost while set. */
  losingAnswers: boolean;
  /** What reached the worker, by type. */
  received: string[];
  /** A panel on the course, as a new tab would open it. */
  open(options?: { debounceMs?: number; close?: () => void }): ReturnType<typeof render>;
  /** The extension is reloaded under every open panel: runtime, messages and storage are gone. */
  orphan(): () => void;
  stored(): Promise<Note[]>;
  /** The drafts kept in the extension's storage, by text. */
  drafts(): Promise<string[]>;
}

export async function notesWorld(): Promise<NotesWorld> {
  const store = new Store(await openDatabase(`notes-world-${++worlds}`));
  const worker = createWorker({
    store,
    fetch: (() => Promise.reject(new Error('offline'))) as typeof fetch,
    planUrl: { getValue: async () => null, setValue: async () => undefined },
    teamFolder: { getValue: async () => null, setValue: async () => undefined },
    coordinatorMode: async () => false,
    planAddress: async () => null,
    redraw: async () => undefined,
    bumpRevision: async () => undefined,
    scheduleSync: () => undefined,
    afterSync: async () => undefined,
    openReport: async () => undefined,
  });
  const world: NotesWorld = {
    store,
    hold: null,
    dropping: false,
    failing: false,
    losingAnswers: false,
    received: [],
    open: (options = {}) =>
      render(
        <NotesPanel
          courseKey={PODD}
          courseTitle={PODD_TITLE}
          list={() => notesOf(PODD)}
          saver={saver}
          share={(id, shared) => send({ type: 'noteUpdate', id, patch: { shared } })}
          remove={(id) => send({ type: 'noteRemove', id })}
          restore={(id) => send({ type: 'noteRestore', id })}
          drafts={draftStore()}
          alive={extensionAlive}
          close={options.close ?? (() => undefined)}
          debounceMs={options.debounceMs ?? 20}
        />,
      ),
    orphan() {
      const runtime = fakeBrowser.runtime as { id?: string };
      const storage = fakeBrowser.storage as { local?: unknown };
      const { id } = runtime;
      const { local } = storage;
      const { sendMessage } = fakeBrowser.runtime;
      const { getMessage } = fakeBrowser.i18n;
      delete runtime.id;
      delete storage.local;
      fakeBrowser.runtime.sendMessage = () => Promise.reject(new Error('Extension context invalidated.'));
      fakeBrowser.i18n.getMessage = () => {
        throw new TypeError("Cannot read properties of undefined (reading 'getMessage')");
      };
      return () => {
        runtime.id = id;
        storage.local = local;
        fakeBrowser.runtime.sendMessage = sendMessage;
        fakeBrowser.i18n.getMessage = getMessage;
      };
    },
    stored: async () => (await store.notesOf(PODD)).filter((n) => !n.deleted),
    drafts: async () => (await draftStore().all()).map((draft) => draft.text),
  };
  fakeBrowser.runtime.onMessage.addListener(async (raw: unknown) => {
    const message = raw as { type: string };
    if (world.dropping) return new Promise(() => undefined);
    if (world.failing) throw new Error('Could not establish connection. Receiving end does not exist.');
    if (world.hold) await world.hold(message);
    world.received.push(message.type);
    const answer = await worker.handle(message, { fromExtensionPage: true });
    if (world.losingAnswers) throw new Error('The message port closed before a response was received.');
    return answer;
  });
  return world;
}
