import { useEffect, useRef } from 'preact/hooks';
import type { EditorHub } from './editor-hub';
import type { EditorState, NoteEditor } from './note-editor';
import type { PanelWords } from './panel-words';

// The text field of a note being written, its save state and, when the note was changed
// elsewhere meanwhile, the choice between the two texts.

export function SaveStatus({ state, orphaned, words }: { state: EditorState; orphaned: boolean; words: PanelWords }) {
  // An orphaned panel says so once, at its top, and nothing more here: not even "Sparad" for
  // what was saved before, next to a field that can no longer be saved. A conflict is the offer
  // below the field.
  if (orphaned || state === 'idle' || state === 'orphaned' || state === 'conflict') return null;
  const text = { pending: words.saving, saving: words.saving, saved: words.saved, failed: words.failed }[state];
  return (
    <span class={`save-state ${state}`} role="status">
      {text}
    </span>
  );
}

export function NoteEditorField(props: {
  editor: NoteEditor;
  hub: EditorHub;
  words: PanelWords;
  id?: string;
  label?: string;
  class?: string;
  placeholder?: string;
}) {
  const { editor, hub, words } = props;
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    // A keystroke the extension could no longer keep is refused before it lands, and the panel
    // says why; what was typed before stays on screen and in the draft.
    const guard = (event: Event) => {
      if (!hub.canType() || !editor.canType()) event.preventDefault();
    };
    element.addEventListener('beforeinput', guard);
    return () => element.removeEventListener('beforeinput', guard);
  }, [editor, hub]);
  const conflict = editor.conflict.value;
  return (
    <>
      <textarea
        ref={field}
        {...(props.id ? { id: props.id } : {})}
        {...(props.label ? { 'aria-label': props.label } : {})}
        {...(props.placeholder ? { placeholder: props.placeholder } : {})}
        class={props.class}
        dir="auto"
        value={editor.text.value}
        readOnly={hub.orphaned.value}
        onFocus={() => hub.canType()}
        onInput={(e) => editor.input((e.currentTarget as HTMLTextAreaElement).value)}
      />
      {conflict && (
        <section class="merge" aria-label={words.conflictTitle}>
          <p role="alert">{words.conflictTitle}</p>
          <div class="merge-texts">
            <div>
              <h3>{words.conflictMine}</h3>
              <p class="merge-text" dir="auto" data-merge="mine">
                {editor.text.value}
              </p>
            </div>
            <div>
              <h3>{words.conflictTheirs}</h3>
              <p class="merge-text" dir="auto" data-merge="theirs">
                {conflict.text}
              </p>
            </div>
          </div>
          <div class="note-actions">
            <button type="button" onClick={() => void editor.choose('mine')}>
              {words.keepMine}
            </button>
            <button type="button" onClick={() => void editor.choose('theirs')}>
              {words.keepTheirs}
            </button>
            <button type="button" onClick={() => void editor.choose('both')}>
              {words.keepBoth}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
