import { useSignal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { formatNoteTime } from './format';
import type { Note } from '../../lib/model/note';
import type { DraftStore } from './draft-store';
import { EditorHub, type Recovery } from './editor-hub';
import { startFromNote, type NoteEditor, type NoteSaver } from './note-editor';
import { NoteEditorField, SaveStatus } from './NoteEditorField';
import { panelWords, type PanelWords } from './panel-words';
import './notes.css';

// Nothing typed here is lost: each keystroke is kept as a draft (draft-store.ts) until the
// worker has the text; the page going away sends what is pending; a panel opening takes up
// what an earlier one left; a note changed elsewhere meanwhile is offered as a choice.

export interface NotesPanelProps {
  courseKey: string;
  courseTitle: string;
  list: () => Promise<Note[]>;
  saver: NoteSaver;
  share: (id: string, shared: boolean) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  restore: (id: string) => Promise<unknown>;
  drafts: DraftStore;
  /** False once the extension was reloaded or updated under this page. */
  alive: () => boolean;
  close: () => void;
  /** Quiet time after the last keystroke before a note is saved. */
  debounceMs?: number;
  now?: () => Date;
  newId?: () => string;
}

function NoteItem(props: {
  note: Note;
  hub: EditorHub;
  words: PanelWords;
  /** A draft of this note left unsaved by an earlier panel, opened for the user. */
  recovered: NoteEditor | undefined;
  onSaved: () => void;
  onShare: (id: string, shared: boolean) => void;
  onRemove: (note: Note) => void;
}) {
  const { note, hub, words } = props;
  const editor = useSignal<NoteEditor | null>(props.recovered ?? null);
  useEffect(
    () => () => {
      if (!editor.value) return;
      editor.value.leave();
      hub.close(editor.value);
    },
    [],
  );
  const current = editor.value;
  const switchId = `share-${note.id}`;
  return (
    <li class="note" data-note-id={note.id}>
      <div class="note-head">
        <time dateTime={note.createdAt}>{formatNoteTime(note.createdAt, words.locale)}</time>
        {current && <SaveStatus state={current.state.value} orphaned={hub.orphaned.value} words={words} />}
      </div>
      {current ? (
        <NoteEditorField editor={current} hub={hub} words={words} class="note-text-edit" label={words.editLabel} />
      ) : (
        <p class="note-text" dir="auto">
          {note.text}
        </p>
      )}
      <div class="note-actions">
        <span class="switch">
          <input
            id={switchId}
            type="checkbox"
            role="switch"
            checked={note.shared}
            disabled={hub.orphaned.value}
            onChange={(e) => props.onShare(note.id, (e.currentTarget as HTMLInputElement).checked)}
          />
          <label for={switchId}>{words.share}</label>
        </span>
        <button
          type="button"
          disabled={hub.orphaned.value}
          onClick={async () => {
            if (!current) {
              editor.value = hub.open(startFromNote(note), props.onSaved);
              return;
            }
            await current.flush();
            // Closed only once the worker has the text: until then it stays on screen.
            if (!current.saved) return;
            hub.close(current);
            editor.value = null;
          }}
        >
          {current ? words.editDone : words.edit}
        </button>
        <button type="button" disabled={hub.orphaned.value} onClick={() => props.onRemove(note)}>
          {words.remove}
        </button>
      </div>
    </li>
  );
}

export function NotesPanel(props: NotesPanelProps) {
  const words = useMemo(panelWords, []);
  const newId = props.newId ?? (() => crypto.randomUUID());
  const hub = useMemo(
    () =>
      new EditorHub({
        saver: props.saver,
        drafts: props.drafts,
        alive: props.alive,
        debounceMs: props.debounceMs ?? 500,
        now: props.now ?? (() => new Date()),
      }),
    [],
  );
  const blank = () => hub.open({ id: newId(), courseKey: props.courseKey, courseTitle: props.courseTitle, text: '', base: null, baseText: '' });
  const draft = useSignal<NoteEditor>(useMemo(blank, []));
  const notes = useSignal<Note[] | null>(null);
  const recovery = useSignal<Recovery>({ saved: 0, open: [] });
  const removed = useSignal<Note | null>(null);

  const refresh = async () => {
    try {
      notes.value = await props.list();
    } catch {
      // The list stays as it was; the worker may answer the next time.
    }
  };
  useEffect(() => {
    void (async () => {
      // Before listing, so that what was recovered is in the list.
      recovery.value = await hub.recover(props.courseKey, () => void refresh());
      await refresh();
    })();
    const leave = () => hub.leave();
    const hidden = () => {
      if (document.visibilityState === 'hidden') hub.leave();
    };
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', leave);
      document.removeEventListener('visibilitychange', hidden);
      hub.leave();
    };
  }, []);

  const startNew = async () => {
    const current = draft.value;
    await current.flush();
    if (!current.saved) return;
    hub.close(current);
    draft.value = blank();
    await refresh();
  };

  const close = () => {
    // Sent now; the panel is only hidden, and the drafts stay until the worker has the text.
    void hub.flushAll();
    props.close();
  };

  const listed = notes.value ?? [];
  const inList = new Set(listed.map((n) => n.id));
  const shown = listed.filter((n) => n.id !== draft.value.id);
  // Once stored, a recovered text is in the list like any other.
  const unsaved = recovery.value.open.filter((editor) => !inList.has(editor.id) && !editor.saved);
  return (
    <main
      class="notes-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header class="notes-header">
        <div>
          <h1>{words.title}</h1>
          <p class="course-name">{props.courseTitle}</p>
        </div>
        <button type="button" class="close" onClick={close} aria-label={words.close}>
          ×
        </button>
      </header>
      {hub.orphaned.value && (
        <p class="orphaned" role="alert">
          {words.orphaned}
        </p>
      )}
      {recovery.value.saved > 0 && (
        <p class="recovered" role="status">
          {words.recovered}
        </p>
      )}
      {unsaved.length > 0 && (
        <section class="draft" aria-label={words.recoveredLabel}>
          <h2>{words.recoveredLabel}</h2>
          {unsaved.map((editor) => (
            <div key={editor.id} class="note">
              <div class="note-head">
                <span />
                <SaveStatus state={editor.state.value} orphaned={hub.orphaned.value} words={words} />
              </div>
              <NoteEditorField editor={editor} hub={hub} words={words} class="note-text-edit" label={words.recoveredEditLabel} />
            </div>
          ))}
        </section>
      )}
      <section class="draft">
        <div class="note-head">
          <label for="draft">{words.newLabel}</label>
          <SaveStatus state={draft.value.state.value} orphaned={hub.orphaned.value} words={words} />
        </div>
        <NoteEditorField key={draft.value.id} editor={draft.value} hub={hub} words={words} id="draft" placeholder={words.placeholder} />
        <div class="note-actions">
          <button type="button" onClick={() => void startNew()} disabled={!draft.value.text.value.trim() || hub.orphaned.value}>
            {words.startNew}
          </button>
        </div>
      </section>
      {removed.value && (
        <p class="undo" role="status">
          {words.deleted}{' '}
          <button
            type="button"
            onClick={async () => {
              const note = removed.value;
              removed.value = null;
              if (note) await props.restore(note.id);
              await refresh();
            }}
          >
            {words.undo}
          </button>
        </p>
      )}
      <ul class="notes" aria-label={words.listLabel}>
        {shown.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            hub={hub}
            words={words}
            recovered={recovery.value.open.find((editor) => editor.id === note.id && !editor.saved)}
            onSaved={() => void refresh()}
            onShare={(id, shared) => void props.share(id, shared).then(refresh)}
            onRemove={(n) =>
              void props.remove(n.id).then(async () => {
                // "Togs bort" once the list no longer shows it, never beside it.
                await refresh();
                removed.value = n;
              })
            }
          />
        ))}
      </ul>
      {notes.value && shown.length === 0 && <p class="muted">{words.empty}</p>}
      <p class="hint muted">{words.shortcutHint}</p>
    </main>
  );
}
