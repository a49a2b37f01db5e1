import { useSignal } from '@preact/signals';
import { t, type MessageKey } from '../../lib/text/i18n';

// The state both deadline forms share, the member's own ("Behöver du mer tid?") and the
// coordinator's grant ("Ge mer tid"): a date and a note, one change at a time, and the
// worker's answer said in words (it refuses with the key of its sentence).

export type FormAnswer = { ok: true } | { ok: false; error: MessageKey };

export function useDeadlineForm(initial: { date?: string | undefined; note?: string | undefined }) {
  const date = useSignal(initial.date ?? '');
  const note = useSignal(initial.note ?? '');
  const message = useSignal<{ text: string; error: boolean } | null>(null);
  const busy = useSignal(false);

  /** Runs one change with the buttons held, and says how it went. */
  const run = async <R extends FormAnswer>(work: () => Promise<R>, done: string): Promise<R> => {
    busy.value = true;
    try {
      const result = await work();
      message.value = result.ok ? { text: done, error: false } : { text: t(result.error), error: true };
      return result;
    } finally {
      busy.value = false;
    }
  };

  /** The form's submit: a date is needed; the note goes along trimmed, when there is one. */
  const submit = (work: (input: { deadline: string; note?: string }) => Promise<FormAnswer>, done: () => string) => async (event: Event) => {
    event.preventDefault();
    if (!date.value) {
      message.value = { text: t('extensionDateMissing'), error: true };
      return;
    }
    const trimmed = note.value.trim();
    await run(() => work({ deadline: date.value, ...(trimmed ? { note: trimmed } : {}) }), done());
  };

  return { date, note, message, busy, run, submit };
}
