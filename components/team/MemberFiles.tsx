import { t, type MessageKey } from '../../lib/text/i18n';
import { parseMemberText, type MemberFile } from '../../lib/model/member';
import type { SkipReason } from '../../lib/model/results';
import { FilePicker } from '../shared/FilePicker';

// Member files read in by hand (e-mailed by a team without a folder), and the files that were
// skipped, from the folder or read in here, each named with the reason.

export interface SkippedFile {
  name: string;
  reason: SkipReason;
}

const SKIP_TEXT: Record<SkipReason, MessageKey> = {
  notJson: 'skip_notJson',
  tooLarge: 'skip_tooLarge',
  invalid: 'skip_invalid',
  wrongMember: 'skip_wrongMember',
  unreadable: 'skip_unreadable',
};

/** Reads the chosen files: the member files, and the ones refused with why. */
export async function readMemberFiles(files: readonly File[]): Promise<{ added: MemberFile[]; refused: SkippedFile[] }> {
  const added: MemberFile[] = [];
  const refused: SkippedFile[] = [];
  for (const file of files) {
    // A file named <memberId>.json must carry that id; a renamed copy is read as it says.
    const id = /^([A-Za-z0-9-]{8,100})\.json$/.exec(file.name)?.[1];
    const parsed = parseMemberText(await file.text(), id);
    if (parsed.ok) added.push(parsed.member);
    else refused.push({ name: file.name, reason: parsed.reason });
  }
  return { added, refused };
}

export function MemberFiles(props: { skipped: readonly SkippedFile[]; onRead: (added: MemberFile[], refused: SkippedFile[]) => void }) {
  const onFiles = async (files: File[]) => {
    const { added, refused } = await readMemberFiles(files);
    props.onRead(added, refused);
  };

  return (
    <>
      <section class="card no-print" aria-labelledby="import-heading">
        <h2 id="import-heading">{t('teamImportHeading')}</h2>
        <FilePicker id="member-files" label={t('teamImportLabel')} multiple accept=".json,application/json" onFiles={onFiles} />
      </section>

      {props.skipped.length > 0 && (
        <section class="card" aria-labelledby="skipped-heading" data-testid="skipped">
          <h2 id="skipped-heading">{t('teamSkippedHeading')}</h2>
          <ul>
            {props.skipped.map((s) => (
              <li key={s.name}>
                <code>{s.name}</code> – {t(SKIP_TEXT[s.reason])}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
