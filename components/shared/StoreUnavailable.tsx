import { render } from 'preact';
import { t } from '../../lib/text/i18n';

/** A page whose database could not be opened: it says so and offers to try again; nothing is written. */
export function StoreUnavailable({ title, reload = () => location.reload() }: { title: string; reload?: () => void }) {
  return (
    <main class="page">
      <header>
        <h1>{title}</h1>
      </header>
      <section class="card" data-testid="store-unavailable">
        <p role="alert">{t('storeUnavailable')}</p>
        <button type="button" class="primary" onClick={reload}>
          {t('reloadPage')}
        </button>
      </section>
    </main>
  );
}

/** Draws the page with what `opening` opens, or, when it cannot be opened, says so under the page's `title`. */
export function whenOpen<Opened>(opening: Promise<Opened>, title: string, draw: (opened: Opened) => void, root = document.getElementById('app') as HTMLElement): Promise<void> {
  return opening.then(draw, (error: unknown) => {
    console.error(error);
    render(<StoreUnavailable title={title} />, root);
  });
}
