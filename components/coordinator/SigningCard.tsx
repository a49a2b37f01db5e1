import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { fingerprintText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { Answer } from '../../lib/messages/protocol';
import { FilePicker } from '../shared/FilePicker';

// The coordinator's signing key: made here once (kept in this browser, by default never to be
// read out), saved as a file for a co-coordinator when it was made for that, or loaded from a
// co-coordinator's file. With a key, every plan handed out from the planner is signed.

export interface Signing {
  /** The key this browser signs with: its fingerprint, and whether it can be saved as a file. */
  load: () => Promise<{ fingerprint: string; exportable: boolean } | null>;
  create: (exportable: boolean) => Promise<Answer<'createSigningKey'>>;
  exportFile: () => Promise<Answer<'exportSigningKey'>>;
  importFile: (text: string) => Promise<Answer<'importSigningKey'>>;
  /** Hands the key file to the user (a download). */
  save: (fileName: string, text: string) => void;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

export function SigningCard({ signing }: { signing: Signing }) {
  const key = useSignal<{ fingerprint: string; exportable: boolean } | null | undefined>(undefined);
  const exportable = useSignal(false);
  const outcome = useSignal<Outcome | null>(null);
  const busy = useSignal(false);
  const refresh = async () => (key.value = await signing.load());
  useEffect(() => void refresh(), []);
  const run = async (action: () => Promise<Outcome | null>) => {
    busy.value = true;
    try {
      outcome.value = await action();
    } finally {
      busy.value = false;
      await refresh();
    }
  };

  const current = key.value;
  return (
    <section class="card" aria-labelledby="signing-heading" data-testid="signing">
      <h2 id="signing-heading">{t('signingHeading')}</h2>
      <p>{t('signingExplain')}</p>
      {current ? (
        <>
          <p class="ok" data-testid="signing-key">
            {t('signingKeyIs', fingerprintText(current.fingerprint))}
          </p>
          {current.exportable ? (
            <p>
              <button
                type="button"
                disabled={busy.value}
                aria-describedby="signing-export-hint"
                onClick={() =>
                  void run(async () => {
                    const file = await signing.exportFile();
                    if (!file.ok) return { ok: false, text: t(file.error) };
                    signing.save(`kurskompis-nyckel-${file.fingerprint.slice(0, 8)}.json`, file.text);
                    return null;
                  })
                }
              >
                {t('signingExport')}
              </button>{' '}
              <span id="signing-export-hint" class="hint">
                {t('signingExportHint')}
              </span>
            </p>
          ) : (
            <p class="muted">{t('signingNotExportable')}</p>
          )}
        </>
      ) : (
        current === null && (
          <>
            <label class="check">
              <input type="checkbox" checked={exportable.value} onChange={(e) => (exportable.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
              {t('signingExportable')}
            </label>
            <p>
              <button
                type="button"
                class="primary"
                disabled={busy.value}
                onClick={() =>
                  void run(async () => {
                    const created = await signing.create(exportable.value);
                    return created.ok ? null : { ok: false, text: t(created.error) };
                  })
                }
              >
                {t('signingCreate')}
              </button>
            </p>
          </>
        )
      )}
      <FilePicker
        id="signing-import"
        label={t('signingImport')}
        accept=".json,application/json"
        disabled={busy.value}
        onFiles={([file]) => {
          if (!file) return;
          void run(async () => {
            const text = file.size > 10_000 ? '' : await file.text();
            const imported = await signing.importFile(text);
            return imported.ok ? { ok: true, text: t('signingImported', fingerprintText(imported.fingerprint)) } : { ok: false, text: t(imported.error) };
          });
        }}
      />
      {outcome.value && (
        <p role={outcome.value.ok ? 'status' : 'alert'} class={outcome.value.ok ? 'ok' : 'error'} data-testid="signing-result">
          {outcome.value.text}
        </p>
      )}
    </section>
  );
}
