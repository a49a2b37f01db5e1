import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { syncStateText } from '../../lib/text/format';
import { t } from '../../lib/text/i18n';
import type { TeamJoin, TeamSettings } from '../../lib/folder/team-settings';
import type { Answer } from '../../lib/messages/protocol';
import type { SyncState } from '../../lib/model/results';

// Joining the team folder: address, sign-in, name and what to share, with a plain account of
// what the folder will hold; once joined, the sync state and the sharing choices.

export interface TeamFolderCardProps {
  /** `managedUrl`: the folder the organisation set by policy; the form then asks only who you are. */
  load: () => Promise<{ settings: TeamSettings | null; state: SyncState | undefined; managedUrl?: string | null }>;
  join: (request: TeamJoin) => Promise<Answer<'joinTeam'> | { ok: false; error: 'teamError_permission' }>;
  /** `removeFile`: the member's file goes from the folder too. */
  leave: (removeFile: boolean) => Promise<Answer<'leaveTeam'>>;
  syncNow: () => Promise<unknown>;
  setSharing: (patch: { shareProgress: boolean; shareNotes: boolean; displayName: string }) => Promise<unknown>;
  subscribe: (listener: () => void) => () => void;
}

export function TeamFolderCard(props: TeamFolderCardProps) {
  const loaded = useSignal<Awaited<ReturnType<TeamFolderCardProps['load']>> | null>(null);
  const form = useSignal<TeamJoin>({ url: '', username: '', password: '', displayName: '', shareProgress: true, shareNotes: false });
  const error = useSignal<string | null>(null);
  const busy = useSignal(false);
  const removeFile = useSignal(false);
  const refresh = async () => {
    const next = await props.load();
    loaded.value = next;
    if (next.managedUrl && form.value.url !== next.managedUrl) form.value = { ...form.value, url: next.managedUrl };
  };
  useEffect(() => {
    void refresh();
    return props.subscribe(() => void refresh());
  }, []);
  const set = (patch: Partial<TeamJoin>) => (form.value = { ...form.value, ...patch });
  const run = async (action: () => Promise<unknown>) => {
    busy.value = true;
    try {
      await action();
    } finally {
      busy.value = false;
      await refresh();
    }
  };

  const settings = loaded.value?.settings;
  const managedUrl = loaded.value?.managedUrl ?? null;
  return (
    <section class="card" aria-labelledby="team-folder-heading" data-testid="team-folder">
      <h2 id="team-folder-heading">{t('teamFolderHeading')}</h2>
      {settings ? (
        <>
          <p class="ok">{t('teamJoined')}</p>
          <dl class="plan-facts">
            <dt>{t('teamFolderLabel')}</dt>
            <dd>{settings.url}</dd>
            <dt>{t('teamNameLabel2')}</dt>
            <dd>{settings.displayName}</dd>
            <dt>{t('teamStateLabel')}</dt>
            <dd>
              <span role="status" data-testid="sync-state">
                {syncStateText(loaded.value?.state)}
              </span>
            </dd>
          </dl>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.shareProgress}
              onChange={(e) => void run(() => props.setSharing({ ...settings, shareProgress: (e.currentTarget as HTMLInputElement).checked }))}
            />{' '}
            {t('teamShareProgress')}
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={settings.shareNotes}
              onChange={(e) => void run(() => props.setSharing({ ...settings, shareNotes: (e.currentTarget as HTMLInputElement).checked }))}
            />{' '}
            {t('teamShareNotes')}
          </label>
          <p class="row">
            <button type="button" disabled={busy.value} onClick={() => void run(props.syncNow)}>
              {t('teamSyncNow')}
            </button>
            <button
              type="button"
              disabled={busy.value}
              onClick={() =>
                void run(async () => {
                  error.value = null;
                  const result = await props.leave(removeFile.value);
                  if (!result.ok) error.value = t(result.error);
                })
              }
            >
              {t('teamLeave')}
            </button>
          </p>
          <label class="check">
            <input type="checkbox" checked={removeFile.value} onChange={(e) => (removeFile.value = (e.currentTarget as HTMLInputElement).checked)} />{' '}
            {t('teamRemoveFile')}
          </label>
          {error.value && (
            <p role="alert" class="error" data-testid="team-error">
              {error.value}
            </p>
          )}
        </>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            error.value = null;
            void run(async () => {
              const result = await props.join(form.value);
              if (!result.ok) error.value = t(result.error);
            });
          }}
        >
          <p>{t('teamExplain')}</p>
          <label for="team-url">
            {t('teamUrlLabel')} <span class="hint">{t('teamUrlHint')}</span>
          </label>
          <input
            id="team-url"
            type="url"
            required
            value={form.value.url}
            readOnly={Boolean(managedUrl)}
            aria-describedby={managedUrl ? 'team-url-managed' : undefined}
            onInput={(e) => set({ url: (e.currentTarget as HTMLInputElement).value })}
          />
          {managedUrl && (
            <p id="team-url-managed" class="managed-note" data-testid="team-url-managed">
              {t('managedNote')}
            </p>
          )}
          <div class="row">
            <div class="grow">
              <label for="team-username">{t('teamUsernameLabel')}</label>
              <input
                id="team-username"
                type="text"
                autocomplete="username"
                value={form.value.username}
                onInput={(e) => set({ username: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
            <div class="grow">
              <label for="team-password">{t('teamPasswordLabel')}</label>
              <input
                id="team-password"
                type="password"
                autocomplete="current-password"
                value={form.value.password}
                onInput={(e) => set({ password: (e.currentTarget as HTMLInputElement).value })}
              />
            </div>
          </div>
          <label for="team-name">{t('teamDisplayNameLabel')}</label>
          <input
            id="team-name"
            type="text"
            required
            autocomplete="name"
            value={form.value.displayName}
            onInput={(e) => set({ displayName: (e.currentTarget as HTMLInputElement).value })}
          />
          <label class="check">
            <input type="checkbox" checked={form.value.shareProgress} onChange={(e) => set({ shareProgress: (e.currentTarget as HTMLInputElement).checked })} />{' '}
            {t('teamShareProgress')}
          </label>
          <label class="check">
            <input type="checkbox" checked={form.value.shareNotes} onChange={(e) => set({ shareNotes: (e.currentTarget as HTMLInputElement).checked })} />{' '}
            {t('teamShareNotes')}
          </label>
          <p class="muted">{t('teamWhatIsStored')}</p>
          <p class="row">
            <button type="submit" class="primary" disabled={busy.value}>
              {t('teamJoin')}
            </button>
            <span class="hint">{t('teamPermissionNote')}</span>
          </p>
          {error.value && (
            <p role="alert" class="error" data-testid="team-error">
              {error.value}
            </p>
          )}
        </form>
      )}
    </section>
  );
}
