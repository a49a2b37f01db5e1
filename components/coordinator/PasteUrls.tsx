import { useSignal } from '@preact/signals';
import type { AddOutcome, DraftItem } from '../../lib/coordinator/draft';
import { fieldId } from '../../lib/coordinator/field-problems';
import { parsePastedUrls, type PasteRefusal } from '../../lib/coordinator/paste';
import { t, type MessageKey } from '../../lib/text/i18n';

// A box for a list of Digiteket addresses, one per line; each is checked and the result told
// line by line, so a coordinator sees at once which ones need fixing.

const REFUSAL_TEXT: Record<PasteRefusal, MessageKey> = {
  notAddress: 'pasteNotAddress',
  unsafe: 'pasteUnsafe',
  notDigiteket: 'pasteNotDigiteket',
  notItem: 'pasteNotItem',
  repeated: 'pasteRepeated',
};

interface PasteUrlsProps {
  path: string;
  onAdd: (items: DraftItem[]) => AddOutcome;
}

interface Report {
  outcome: AddOutcome;
  refused: Array<{ line: string; reason: PasteRefusal }>;
}

export function PasteUrls({ path, onAdd }: PasteUrlsProps) {
  const text = useSignal('');
  const report = useSignal<Report | null>(null);
  const id = `${fieldId(path)}-paste`;
  const submit = (event: Event) => {
    event.preventDefault();
    const lines = parsePastedUrls(text.value);
    const refused = lines.flatMap((l) => (l.ok ? [] : [{ line: l.line, reason: l.reason }]));
    const outcome = onAdd(lines.flatMap((l) => (l.ok ? [l.item] : [])));
    report.value = { outcome, refused };
    // Lines that could not be added stay in the box to be fixed.
    text.value = refused.map((r) => r.line).join('\n');
  };
  return (
    <form class="paste" onSubmit={submit}>
      <label for={id}>
        {t('pasteLabel')} <span class="hint">{t('pasteHint')}</span>
      </label>
      <textarea id={id} rows={3} value={text.value} onInput={(e) => (text.value = (e.currentTarget as HTMLTextAreaElement).value)} />
      <button type="submit" disabled={text.value.trim() === ''}>
        {t('pasteAdd')}
      </button>
      {report.value && (
        <div role="status" class="paste-report" data-testid="paste-report">
          <p>
            {t('pasteAdded', report.value.outcome.added)}
            {report.value.outcome.duplicates.length > 0 && ` ${t('pasteAlreadyThere', report.value.outcome.duplicates.join(', '))}`}
          </p>
          {report.value.refused.length > 0 && (
            <ul class="error">
              {report.value.refused.map((r) => (
                <li key={r.line}>
                  <code>{r.line}</code> – {t(REFUSAL_TEXT[r.reason])}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
