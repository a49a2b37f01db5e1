import { useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { formatNoteTime } from './format';
import { t } from '../../lib/text/i18n';
import type { Note } from '../../lib/model/note';
import './notes.css';

export interface NotesPanelProps {
  courseTitle: string;
  list: () => Promise<Note[]>;
  create: (text: string) => Promise<Note>;
  update: (id: string, patch: Partial<Pick<Note, 'text' | 'shared'>>) => Promise<unknown>;
  remove: (id: string) => Promise<unknown>;
  restore: (id: string) => Promise<unknown>;
  close: () => void;
  /** Quiet time after the last keystroke before a note is saved. */
  debounceMs?: number;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** Calls `save` once typing has paused; `flush` saves at once (closing, starting anew). */
function useDebouncedSave(save: () => Promise<unknown>, delay: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef(false);
  const latest = useRef(save);
  latest.current = save;
  const flush = async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!pending.current) return;
    pending.current = false;
    await latest.current();
  };
  const schedule = () => {
    pending.current = true;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), delay);
  };
  return { schedule, flush };
}

function NoteItem(props: {
  note: Note;
  onUpdate: NotesPanelProps['update'];
  onRemove: (note: Note) => void;
  debounceMs: number;
}) {
  const { note } = props;
  const editing = useSignal(false);
  const text = useSignal(note.text);
  const state = useSignal<SaveState>('idle');
  const saver = useDebouncedSave(async () => {
    state.value = 'saving';
    try {
      await props.onUpdate(note.id, { text: text.value });
      state.value = 'saved';
    } catch {
      state.value = 'failed';
    }
  }, props.debounceMs);
  const switchId = `share-${note.id}`;
  return (
    <li class="note" data-note-id={note.id}>
      <div class="note-head">
        <time dateTime={note.createdAt}>{formatNoteTime(note.createdAt)}</time>
        <SaveStatus state={state.value} />
      </div>
      {editing.value ? (
        <textarea
          class="note-text-edit"
          aria-label={t('notesEditLabel')}
          value={text.value}
          onInput={(e) => {
            text.value = (e.currentTarget as HTMLTextAreaElement).value;
            saver.schedule();
          }}
        />
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
            onChange={(e) => void props.onUpdate(note.id, { shared: (e.currentTarget as HTMLInputElement).checked })}
          />
          <label for={switchId}>{t('notesShare')}</label>
        </span>
        <button
          type="button"
          onClick={() => {
            if (editing.value) void saver.flush();
            editing.value = !editing.value;
          }}
        >
          {editing.value ? t('notesEditDone') : t('notesEdit')}
        </button>
        <button type="button" onClick={() => props.onRemove(note)}>
          {t('notesDelete')}
        </button>
      </div>
    </li>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  if (state === 'idle') return null;
  const text = { saving: t('notesSaving'), saved: t('notesSaved'), failed: t('notesSaveFailed') }[state];
  return (
    <span class={`save-state ${state}`} role="status">
      {text}
    </span>
  );
}

export function NotesPanel(props: NotesPanelProps) {
  const debounceMs = props.debounceMs ?? 500;
  const notes = useSignal<Note[] | null>(null);
  const draft = useSignal('');
  const draftId = useSignal<string | null>(null);
  const draftState = useSignal<SaveState>('idle');
  const removed = useSignal<Note | null>(null);

  const refresh = async () => {
    notes.value = await props.list();
  };
  useEffect(() => {
    void refresh();
  }, []);

  const draftSaver = useDebouncedSave(async () => {
    draftState.value = 'saving';
    try {
      if (draftId.value) await props.update(draftId.value, { text: draft.value });
      else if (draft.value.trim()) draftId.value = (await props.create(draft.value)).id;
      draftState.value = 'saved';
    } catch {
      draftState.value = 'failed';
    }
  }, debounceMs);

  const startNew = async () => {
    await draftSaver.flush();
    draft.value = '';
    draftId.value = null;
    draftState.value = 'idle';
    await refresh();
  };

  const close = async () => {
    await draftSaver.flush();
    props.close();
  };

  const shown = (notes.value ?? []).filter((n) => n.id !== draftId.value);
  return (
    <main
      class="notes-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') void close();
      }}
    >
      <header class="notes-header">
        <div>
          <h1>{t('notesTitle')}</h1>
          <p class="course-name">{props.courseTitle}</p>
        </div>
        <button type="button" class="close" onClick={() => void close()} aria-label={t('notesClose')}>
          ×
        </button>
      </header>
      <section class="draft">
        <div class="note-head">
          <label for="draft">{t('notesNewLabel')}</label>
          <SaveStatus state={draftState.value} />
        </div>
        <textarea
          id="draft"
          dir="auto"
          placeholder={t('notesPlaceholder')}
          value={draft.value}
          onInput={(e) => {
            draft.value = (e.currentTarget as HTMLTextAreaElement).value;
            draftSaver.schedule();
          }}
        />
        <div class="note-actions">
          <button type="button" onClick={() => void startNew()} disabled={!draft.value.trim()}>
            {t('notesStartNew')}
          </button>
        </div>
      </section>
      {removed.value && (
        <p class="undo" role="status">
          {t('notesDeleted')}{' '}
          <button
            type="button"
            onClick={async () => {
              const note = removed.value;
              removed.value = null;
              if (note) await props.restore(note.id);
              await refresh();
            }}
          >
            {t('notesUndo')}
          </button>
        </p>
      )}
      <ul class="notes" aria-label={t('notesListLabel')}>
        {shown.map((note) => (
          <NoteItem
            key={note.id}
            note={note}
            debounceMs={debounceMs}
            onUpdate={async (id, patch) => {
              await props.update(id, patch);
              await refresh();
            }}
            onRemove={async (n) => {
              await props.remove(n.id);
              removed.value = n;
              await refresh();
            }}
          />
        ))}
      </ul>
      {notes.value && shown.length === 0 && <p class="muted">{t('notesEmpty')}</p>}
      <p class="hint muted">{t('notesShortcutHint')}</p>
    </main>
  );
}
