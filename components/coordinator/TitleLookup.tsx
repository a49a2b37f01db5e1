import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { DraftItem } from '../../lib/coordinator/draft';
import { t } from '../../lib/text/i18n';

// Pasted addresses get a stand-in title from the address; the page's own title replaces it
// when the extension may read Digiteket's pages. Reading them is asked for, never assumed.

export interface TitleSource {
  canRead: () => Promise<boolean>;
  askToRead: () => Promise<boolean>;
  lookup: (url: string) => Promise<string | null>;
}

interface TitleLookupProps {
  items: DraftItem[];
  source: TitleSource;
  onTitle: (url: string, title: string) => void;
}

type State = { kind: 'checking' } | { kind: 'needPermission' } | { kind: 'looking' } | { kind: 'done'; found: number; missed: number };

export function TitleLookup({ items, source, onTitle }: TitleLookupProps) {
  const state = useSignal<State>({ kind: 'checking' });
  const run = async () => {
    state.value = { kind: 'looking' };
    let found = 0;
    for (const item of items) {
      const title = await source.lookup(item.url).catch(() => null);
      if (title) {
        onTitle(item.url, title);
        found += 1;
      }
    }
    state.value = { kind: 'done', found, missed: items.length - found };
  };
  useEffect(() => {
    if (items.length === 0) return;
    void source.canRead().then((may) => {
      if (may) void run();
      else state.value = { kind: 'needPermission' };
    });
  }, []);
  if (items.length === 0) return null;
  const s = state.value;
  return (
    <div class="title-lookup" role="status" data-testid="title-lookup">
      {s.kind === 'needPermission' && (
        <>
          <p>{t('titlesNeedPermission')}</p>
          <button type="button" onClick={async () => ((await source.askToRead()) ? run() : (state.value = { kind: 'done', found: 0, missed: items.length }))}>
            {t('titlesFetch')}
          </button>
        </>
      )}
      {(s.kind === 'looking' || s.kind === 'checking') && <p>{t('titlesLooking')}</p>}
      {s.kind === 'done' && (
        <p>
          {t('titlesFound', s.found)}
          {s.missed > 0 && ` ${t('titlesMissed', s.missed)}`}
        </p>
      )}
    </div>
  );
}
