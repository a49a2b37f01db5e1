import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, uiLocale } from '../../lib/text/i18n';

// While the worker reads the team's member files (a region's thousand take a while the first
// time over a slow network): how far it has come, as words and as a bar, and a way to stop.
// Files read before the stop are kept, so the next opening starts where this one ended.

export interface ReadProgress {
  done: number;
  total: number;
}

export interface ReadingProgressProps {
  /** Calls back with each new figure (null: no reading runs); returns a way to stop listening. */
  watch: (listener: (progress: ReadProgress | null) => void) => () => void;
  cancel: () => void;
}

export function ReadingProgress({ watch, cancel }: ReadingProgressProps) {
  const progress = useSignal<ReadProgress | null>(null);
  const stopping = useSignal(false);
  useEffect(() => watch((value) => (progress.value = value)), []);
  const number = new Intl.NumberFormat(uiLocale());
  const current = progress.value;
  return (
    <section class="card reading" aria-labelledby="reading-label">
      <p id="reading-label" role="status">
        {current ? t('teamReading', [number.format(current.done), number.format(current.total)]) : t('notesLoading')}
      </p>
      {current && current.total > 0 && <progress max={current.total} value={current.done} aria-labelledby="reading-label" />}
      <p>
        <button
          type="button"
          disabled={stopping.value}
          onClick={() => {
            stopping.value = true;
            cancel();
          }}
        >
          {t('teamReadCancel')}
        </button>
      </p>
    </section>
  );
}
