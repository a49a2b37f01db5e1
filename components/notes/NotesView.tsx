import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect } from 'preact/hooks';
import { isCourseKey, urlOfKey } from '../../lib/site/course-key';
import { COURSE_LIST_URL } from '../../lib/site/hosts';
import { groupByPeriod } from '../../lib/domain/discussion';
import { t } from '../../lib/text/i18n';
import type { Note } from '../../lib/model/note';
import type { Plan } from '../../lib/model/plan';
import { NoteSearch, newestFirst, searchable, type ShareFilter } from '../../lib/domain/notes';
import { formatNoteTime } from './format';
import './notes.css';

export interface NotesViewProps {
  load: () => Promise<{ notes: Note[]; plan: Plan | undefined }>;
  /** The newest notes only, for a first screen while everything else is read. */
  loadRecent?: (limit: number) => Promise<{ notes: Note[]; plan: Plan | undefined }>;
  discussionHref: string;
}

// Enough to fill a screen several times over; more on request, so a long history opens fast.
const PAGE = 100;

export function NotesView({ load, loadRecent, discussionHref }: NotesViewProps) {
  const data = useSignal<{ notes: ReturnType<typeof searchable>; plan: Plan | undefined; complete: boolean } | null>(null);
  const query = useSignal('');
  const filter = useSignal<ShareFilter>('all');
  const limit = useSignal(PAGE);

  useEffect(() => {
    const loadAll = () =>
      load().then(({ notes, plan }) => {
        // Newest first once, so that every filtered list and every page of it keeps that order.
        const all = searchable([...notes].sort(newestFirst));
        data.value = { notes: all, plan, complete: true };
        // Fold the texts for search while the user reads, not on their first keystroke.
        setTimeout(() => all.forEach((n) => n.folded), 0);
      });
    if (!loadRecent) {
      void loadAll();
      return;
    }
    // The first screen needs only the newest notes; read everything else after it is shown.
    void loadRecent(PAGE)
      .then(({ notes, plan }) => {
        data.value = { notes: searchable(notes), plan, complete: false };
      })
      .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
      .then(loadAll);
  }, []);
  useLayoutEffect(() => {
    if (data.value) performance.mark('kurskompis-notes-content');
  }, [data.value !== null]);

  const search = useComputed(() => (data.value ? new NoteSearch(data.value.notes) : null));
  const matches = useComputed(() => search.value?.find(query.value, filter.value) ?? []);
  const groups = useComputed(() => groupByPeriod(matches.value.slice(0, limit.value), data.value?.plan));

  return (
    <main class="notes-view options-app" aria-busy={data.value === null}>
      <header>
        <h1>{t('notesTitle')}</h1>
        <p>
          <a class="button primary" href={discussionHref}>
            {t('discussionTitle')}
          </a>
        </p>
      </header>
      <form class="row" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="grow">
          <label for="notes-search">{t('notesSearchLabel')}</label>
          <input
            id="notes-search"
            type="search"
            value={query.value}
            onInput={(e) => {
              query.value = (e.currentTarget as HTMLInputElement).value;
              limit.value = PAGE;
            }}
          />
        </div>
        <fieldset class="filter">
          <legend>{t('notesFilterLabel')}</legend>
          {(['all', 'shared', 'private'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="filter"
                value={value}
                checked={filter.value === value}
                onChange={() => (filter.value = value)}
              />{' '}
              {value === 'all' ? t('notesFilterAll') : value === 'shared' ? t('notesFilterShared') : t('notesFilterPrivate')}
            </label>
          ))}
        </fieldset>
      </form>
      <p role="status" class="muted" data-testid="notes-count">
        {data.value?.complete ? t('notesCount', matches.value.length) : t('notesLoading')}
      </p>
      {data.value?.complete && data.value.notes.length === 0 && (
        <section class="card" data-testid="notes-none">
          <p>{t('notesNoneYet')}</p>
          <a class="button primary" href={COURSE_LIST_URL} target="_blank" rel="noopener noreferrer">
            {t('notesToCourses')}
          </a>
        </section>
      )}
      {groups.value.map((group) => (
        <section class="card" key={group.periodId ?? 'outside'}>
          <h2>{group.periodTitle ?? t('notesOutsidePlan')}</h2>
          {group.courses.map((course) => (
            <article class="course-notes" key={course.key} data-course={course.key}>
              <h3>
                {/* Keys are checked where they come in; a stored one from before that check links nowhere. */}
                {isCourseKey(course.key) ? (
                  <a href={urlOfKey(course.key)} target="_blank" rel="noopener noreferrer">
                    {course.title}
                  </a>
                ) : (
                  course.title
                )}
              </h3>
              <ul class="notes">
                {course.notes.map((note) => (
                  <li class="note" key={note.id}>
                    <div class="note-head">
                      <time dateTime={note.createdAt}>{formatNoteTime(note.createdAt)}</time>
                      <span class="muted">{note.shared ? t('notesSharedTag') : t('notesPrivateTag')}</span>
                    </div>
                    <p class="note-text" dir="auto">
                      {note.text}
                    </p>
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </section>
      ))}
      {data.value?.complete && matches.value.length > limit.value && (
        <button type="button" onClick={() => (limit.value += PAGE)}>
          {t('notesShowMore')}
        </button>
      )}
    </main>
  );
}
