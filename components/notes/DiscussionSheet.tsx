import { useComputed, useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { discussionText, notesForPeriod } from '../../lib/domain/discussion';
import { deadlineText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { Note } from '../../lib/model/note';
import type { Period } from '../../lib/model/plan';
import { formatNoteTime } from './format';
import { ReadFailedNotice, StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import './notes.css';

export interface DiscussionSheetProps {
  load: () => Promise<{ notes: Note[]; period: Period | undefined }>;
  copy: (text: string) => Promise<void>;
  print: () => void;
  /** Calls the listener when notes may have changed (written in a course's panel, or synced in while the sheet is open); returns how to stop. */
  subscribe: (listener: () => void) => () => void;
}

export function DiscussionSheet({ load, copy, print, subscribe }: DiscussionSheetProps) {
  const data = useSignal<{ notes: Note[]; period: Period | undefined } | null>(null);
  const onlyShared = useSignal(false);
  const copied = useSignal<'idle' | 'done' | 'failed'>('idle');
  const failed = useSignal(false);
  useEffect(() => {
    const refresh = () => void readInto(load(), (loaded) => (data.value = loaded), failed);
    refresh();
    return subscribe(refresh);
  }, []);
  const courses = useComputed(() =>
    data.value?.period ? notesForPeriod(data.value.period, data.value.notes, onlyShared.value) : [],
  );
  const period = data.value?.period;
  if (failed.value && !data.value) return <StoreUnavailable title={t('discussionTitle')} />;
  if (data.value && !period) {
    return (
      <main class="discussion options-app">
        <h1>{t('discussionTitle')}</h1>
        {failed.value && <ReadFailedNotice />}
        <p>{t('discussionNoPeriod')}</p>
      </main>
    );
  }
  const heading = period ? `${t('discussionTitle')} – ${period.title}` : t('discussionTitle');
  const sub = period ? deadlineText(period.deadline) : '';
  return (
    <main class="discussion options-app" aria-busy={data.value === null}>
      <h1>{heading}</h1>
      <p class="muted">{sub}</p>
      {failed.value && <ReadFailedNotice />}
      <div class="row no-print">
        <label class="inline">
          <input type="checkbox" checked={onlyShared.value} onChange={(e) => (onlyShared.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('discussionOnlyShared')}
        </label>
        <button type="button" onClick={print}>
          {t('discussionPrint')}
        </button>
        <button
          type="button"
          onClick={() =>
            void copy(discussionText(heading, sub, courses.value, t('discussionNoNotes'), formatNoteTime)).then(
              () => (copied.value = 'done'),
              () => (copied.value = 'failed'),
            )
          }
        >
          {t('discussionCopy')}
        </button>
        <span role="status">{copied.value === 'done' ? t('discussionCopied') : copied.value === 'failed' ? t('discussionCopyFailed') : ''}</span>
      </div>
      {courses.value.map((course) => (
        <section class="course-notes" key={course.key} data-course={course.key}>
          <h2>{course.title}</h2>
          {course.notes.length === 0 ? (
            <p class="muted">{t('discussionNoNotes')}</p>
          ) : (
            <ul>
              {course.notes.map((note) => (
                <li key={note.id}>
                  <p class="note-text" dir="auto">
                    {note.text}
                  </p>
                  <span class="muted">{formatNoteTime(note.createdAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  );
}
