import { render } from 'preact';
import { t } from '../../lib/text/i18n';

/** What could not be read, said in place of what would be shown, with a way to try again; nothing is written. */
export function StoreUnavailableCard({ reload = () => location.reload() }: { reload?: () => void }) {
  return (
    <section class="card" data-testid="store-unavailable">
      <p role="alert">{t('storeUnavailable')}</p>
      <button type="button" class="primary" onClick={reload}>
        {t('reloadPage')}
      </button>
    </section>
  );
}

/** A page whose database could not be opened or read: it says so under its heading. */
export function StoreUnavailable({ title, reload }: { title: string; reload?: () => void }) {
  return (
    <main class="page">
      <header>
        <h1>{title}</h1>
      </header>
      <StoreUnavailableCard {...(reload ? { reload } : {})} />
    </main>
  );
}

/** Over what a page already shows, when reading it again failed: it may be out of date, or, for the notes view's first screenful, incomplete. */
export function ReadFailedNotice({ newestOnly = false }: { newestOnly?: boolean }) {
  return (
    <p role="alert" class="error no-print" data-testid="read-failed">
      {newestOnly ? t('notesReadFailedShowingNewest') : t('pageReadFailedShowingLast')}
    </p>
  );
}

/** The latest reading started for each page's `failed` flag: an older one's answer comes too late to count. */
const latest = new WeakMap<object, number>();

/**
 * Uses what `reading` reads; when it (or using it) fails, the failure is logged and `failed` is
 * set for the page to say so (never an uncaught rejection, never a page that stays busy and
 * blank). Of readings that overlap, only the one started last counts.
 */
export function readInto<Read>(reading: Promise<Read>, use: (read: Read) => void, failed: { value: boolean }): Promise<void> {
  const turn = (latest.get(failed) ?? 0) + 1;
  latest.set(failed, turn);
  const current = () => latest.get(failed) === turn;
  return reading
    .then((read) => {
      if (!current()) return;
      use(read);
      failed.value = false;
    })
    .catch((error: unknown) => {
      console.error(error);
      if (current()) failed.value = true;
    });
}

/** How long a page waits for its database before it says it is still waiting. */
export const SLOW_OPEN_MS = 5_000;

/** A page whose database has not answered yet: it says so, and is drawn as soon as it answers. */
export function StoreSlow({ title, reload = () => location.reload() }: { title: string; reload?: () => void }) {
  return (
    <main class="page">
      <header>
        <h1>{title}</h1>
      </header>
      <section class="card" data-testid="store-slow">
        <p role="alert">{t('storeSlow')}</p>
        <button type="button" onClick={reload}>
          {t('reloadPage')}
        </button>
      </section>
    </main>
  );
}

/**
 * Draws the page with what `opening` opens, or, when it cannot be opened, says so under the
 * page's `title`. A database that does not answer at all (a browser busy upgrading it for another
 * tab, a disk that hangs) would leave the page blank: after `SLOW_OPEN_MS` it says it is waiting.
 */
export function whenOpen<Opened>(opening: Promise<Opened>, title: string, draw: (opened: Opened) => void, root = document.getElementById('app') as HTMLElement): Promise<void> {
  const slow = setTimeout(() => render(<StoreSlow title={title} />, root), SLOW_OPEN_MS);
  return opening.then(
    (opened) => {
      clearTimeout(slow);
      draw(opened);
    },
    (error: unknown) => {
      clearTimeout(slow);
      console.error(error);
      render(<StoreUnavailable title={title} />, root);
    },
  );
}
