import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import { isCourseKey, urlOfKey } from '../../lib/site/course-key';
import { COURSE_LIST_URL } from '../../lib/site/hosts';
import { firstShown, groupByPeriod } from '../../lib/domain/discussion';
import { t } from '../../lib/text/i18n';
import type { Note } from '../../lib/model/note';
import type { Plan } from '../../lib/model/plan';
import { NoteSearch, newestFirst, searchable, type SearchableNote, type ShareFilter } from '../../lib/domain/notes';
import { formatNoteTime } from './format';
import { ReadFailedNotice, StoreUnavailable, readInto } from '../shared/StoreUnavailable';
import { afterNextPaint } from '../shared/frames';
import './notes.css';

export interface NotesLoaded {
  notes: Note[];
  plan: Plan | undefined;
}

export interface NotesViewProps {
  /** Every note, and the plan they are grouped by. */
  load: () => Promise<NotesLoaded>;
  /**
   * The newest notes, newest first and none deleted, read before the view is drawn (about a
   * screenful: `firstScreen()`): the first frame shows them.
   */
  newest?: NotesLoaded;
  /** The newest `limit` notes, newest first: the rest of the first page, shown while everything is read. */
  loadRecent?: (limit: number) => Promise<NotesLoaded>;
  discussionHref: string;
}

// Enough to fill a screen several times over; more on request, so a long history opens fast.
export const PAGE = 100;

/**
 * At least as many notes as a screen shows (a one-line note is well over 48 px high with its
 * course's heading; the bench's notes 130 px): what the page reads and lays out before its
 * first frame.
 */
export function firstScreen(height = window.innerHeight): number {
  return Math.min(PAGE, Math.max(10, Math.ceil(height / 48)));
}

export function NotesView({ load, newest, loadRecent, discussionHref }: NotesViewProps) {
  const data = useSignal<{ notes: SearchableNote[]; plan: Plan | undefined; complete: boolean } | null>(
    newest ? { notes: searchable(newest.notes), plan: newest.plan, complete: false } : null,
  );
  const query = useSignal('');
  const filter = useSignal<ShareFilter>('all');
  const limit = useSignal(PAGE);
  // A new search or filter draws a screenful in its keystroke's own frame and the rest of its
  // page a frame later: a hundred notes laid out anew take ~30 ms, longer than a frame.
  const screenOnly = useSignal(false);
  const searchTurn = useRef(0);
  const failed = useSignal(false);

  // Effects run once the browser has drawn the first frame (Preact waits for the next animation
  // frame); the rest of the first page and everything else are read a frame later still, so
  // that drawing them does not hold up that frame on its way to the screen.
  useEffect(() => {
    void afterNextPaint(100).then(() => {
      // A failure here is the full read's to say: it reads the same notes and more.
      loadRecent?.(PAGE).then(({ notes, plan }) => {
        if (!data.value?.complete) data.value = { notes: searchable(notes), plan, complete: false };
      }, console.error);
      void readInto(
        load(),
        ({ notes, plan }) => {
          // Newest first once, so that every filtered list and every page of it keeps that order.
          const all = searchable([...notes].sort(newestFirst));
          data.value = { notes: all, plan, complete: true };
          // Fold the texts for search while the user reads, not on their first keystroke.
          setTimeout(() => all.forEach((n) => n.folded), 0);
        },
        failed,
      );
    });
  }, []);
  useLayoutEffect(() => {
    if (data.value) performance.mark('kurskompis-notes-content');
  }, [data.value !== null]);

  const search = useComputed(() => (data.value ? new NoteSearch(data.value.notes) : null));
  const matches = useComputed(() => search.value?.find(query.value, filter.value) ?? []);
  const page = useComputed(() => groupByPeriod(matches.value.slice(0, limit.value), data.value?.plan));
  // The top of the page as it will stand: the rest is only added below it.
  const groups = useComputed(() => (screenOnly.value ? firstShown(page.value, firstScreen()) : page.value));
  /**
   * A search or filter as `change` sets it: when its first page brings more than a screenful of
   * notes not drawn now, its first screenful now and the rest once that is painted.
   */
  const drawScreenFirst = (change: () => void) => {
    const shown = groups.value.flatMap((group) => group.courses.flatMap((course) => course.notes));
    change();
    limit.value = PAGE;
    // Notes already drawn are kept as they are; only new ones cost their layout.
    const drawn = new Set(shown);
    if (matches.value.slice(0, PAGE).filter((note) => !drawn.has(note)).length <= firstScreen()) return;
    screenOnly.value = true;
    const turn = ++searchTurn.current;
    void afterNextPaint(100).then(() => {
      if (turn === searchTurn.current) screenOnly.value = false;
    });
  };

  if (failed.value && !data.value) return <StoreUnavailable title={t('notesTitle')} />;
  return (
    <main class="notes-view options-app" aria-busy={data.value === null}>
      <header>
        <h1>{t('notesTitle')}</h1>
        {failed.value && <ReadFailedNotice newestOnly />}
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
              const typed = (e.currentTarget as HTMLInputElement).value;
              drawScreenFirst(() => (query.value = typed));
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
                onChange={() => drawScreenFirst(() => (filter.value = value))}
              />{' '}
              {value === 'all' ? t('notesFilterAll') : value === 'shared' ? t('notesFilterShared') : t('notesFilterPrivate')}
            </label>
          ))}
        </fieldset>
      </form>
      <p role="status" class="muted" data-testid="notes-count">
        {data.value?.complete ? t('notesCount', matches.value.length) : failed.value ? '' : t('notesLoading')}
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
      {data.value?.complete && !screenOnly.value && matches.value.length > limit.value && (
        <button type="button" onClick={() => (limit.value += PAGE)}>
          {t('notesShowMore')}
        </button>
      )}
    </main>
  );
}
