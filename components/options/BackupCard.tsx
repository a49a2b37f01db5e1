import { useSignal } from '@preact/signals';
import { t } from '../../lib/text/i18n';
import type { Answer } from '../../lib/messages/protocol';
import { FilePicker } from '../shared/FilePicker';

export interface BackupCardProps {
  exportBackup: () => Promise<void>;
  importBackup: (text: string) => Promise<Answer<'restoreBackup'>>;
}

export function BackupCard({ exportBackup, importBackup }: BackupCardProps) {
  const result = useSignal<Answer<'restoreBackup'> | null>(null);
  const busy = useSignal(false);
  return (
    <section class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backupHeading')}</h2>
      <p>{t('backupExplain')}</p>
      <div class="row">
        <button type="button" onClick={() => void exportBackup()}>
          {t('backupExport')}
        </button>
      </div>
      <FilePicker
        id="backup-file"
        label={t('backupImportLabel')}
        accept=".json,application/json"
        disabled={busy.value}
        onFiles={async ([file]) => {
          if (!file) return;
          busy.value = true;
          try {
            result.value = await importBackup(await file.text());
          } finally {
            busy.value = false;
          }
        }}
      />
      {result.value &&
        (result.value.ok ? (
          <p role="status" class="ok result" data-testid="backup-result">
            {t('backupImported', [result.value.notes, result.value.progress])}
          </p>
        ) : (
          <p role="alert" class="error result" data-testid="backup-result">
            {t(result.value.error)}
            {'path' in result.value && result.value.path ? ` (${result.value.path})` : ''} {t('backupNothingChanged')}
          </p>
        ))}
    </section>
  );
}
