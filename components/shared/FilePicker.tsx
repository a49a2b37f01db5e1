import { useSignal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/text/i18n';

interface Props {
  /** The file input's id: its label and the tests find the input by it. */
  id: string;
  label: ComponentChildren;
  accept?: string;
  multiple?: boolean;
  disabled?: boolean;
  describedBy?: string;
  /** The chosen or dropped files; the input is emptied after, so the same file can be chosen again. */
  onFiles: (files: File[]) => void | Promise<void>;
}

/**
 * A file picker that looks like the buttons beside it. The native input stays in the page,
 * visually hidden and out of the tab order, so its label, the browser's file dialog and
 * automation that sets its files keep working; the button opens it, and a file can also be
 * dropped on the button.
 */
export function FilePicker(props: Props) {
  const input = useRef<HTMLInputElement>(null);
  const names = useSignal<string[]>([]);
  const dragging = useSignal(false);
  const labelId = `${props.id}-label`;
  const nameId = `${props.id}-chosen`;

  const take = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])].slice(0, props.multiple ? undefined : 1);
    if (files.length === 0) return;
    names.value = files.map((file) => file.name);
    try {
      await props.onFiles(files);
    } finally {
      if (input.current) input.current.value = '';
    }
  };

  const latest = useRef({ take, disabled: props.disabled });
  latest.current = { take, disabled: props.disabled };
  const zone = useRef<HTMLDivElement>(null);

  // Listeners of our own rather than JSX props: the drag events keep their DOM names in every
  // environment the component runs in, and one set serves the picker's whole life.
  useEffect(() => {
    const element = zone.current;
    if (!element) return;
    const accepts = (event: DragEvent) => !latest.current.disabled && Boolean(event.dataTransfer?.types.includes('Files'));
    const over = (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      dragging.value = true;
    };
    const leave = (event: DragEvent) => {
      // Leaving for a child of the picker is not leaving the picker.
      if (event.relatedTarget instanceof Node && element.contains(event.relatedTarget)) return;
      dragging.value = false;
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      dragging.value = false;
      if (latest.current.disabled) return;
      void latest.current.take(event.dataTransfer?.files);
    };
    const listeners = [['dragenter', over], ['dragover', over], ['dragleave', leave], ['drop', drop]] as const;
    for (const [type, listener] of listeners) element.addEventListener(type, listener as EventListener);
    return () => {
      for (const [type, listener] of listeners) element.removeEventListener(type, listener as EventListener);
    };
  }, []);

  return (
    <div class="file-field">
      <label id={labelId} for={props.id}>
        {props.label}
      </label>
      <div ref={zone} class={`file-picker${dragging.value ? ' dragging' : ''}`}>
        <input
          ref={input}
          id={props.id}
          type="file"
          class="visually-hidden"
          tabIndex={-1}
          accept={props.accept}
          multiple={props.multiple}
          disabled={props.disabled}
          aria-describedby={props.describedBy}
          onChange={(event) => void take((event.currentTarget as HTMLInputElement).files)}
        />
        <button
          type="button"
          class="file-picker-button"
          disabled={props.disabled}
          aria-describedby={[labelId, names.value.length > 0 ? nameId : '', props.describedBy ?? ''].filter(Boolean).join(' ')}
          onClick={() => input.current?.click()}
        >
          {dragging.value ? t('filePickerDrop') : props.multiple ? t('filePickerChooseMany') : t('filePickerChoose')}
        </button>
        <span id={nameId} class="file-picker-name" aria-live="polite">
          {names.value.length === 0 ? t('filePickerNone') : names.value.join(', ')}
        </span>
      </div>
    </div>
  );
}
