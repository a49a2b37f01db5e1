import { t, uiLocale } from '../../lib/text/i18n';

// The notes panel's words, read once when it opens. After an extension reload or update the
// panel's page stays on screen but the browser's i18n is gone from it (reading a message
// throws), and that is exactly when it must still say what happened, in the user's language.

export function panelWords() {
  return {
    locale: uiLocale(),
    title: t('notesTitle'),
    close: t('notesClose'),
    newLabel: t('notesNewLabel'),
    placeholder: t('notesPlaceholder'),
    saving: t('notesSaving'),
    saved: t('notesSaved'),
    failed: t('notesSaveFailed'),
    orphaned: t('notesOrphaned'),
    startNew: t('notesStartNew'),
    edit: t('notesEdit'),
    editDone: t('notesEditDone'),
    editLabel: t('notesEditLabel'),
    remove: t('notesDelete'),
    deleted: t('notesDeleted'),
    undo: t('notesUndo'),
    share: t('notesShare'),
    listLabel: t('notesListLabel'),
    empty: t('notesEmpty'),
    shortcutHint: t('notesShortcutHint'),
    conflictTitle: t('notesConflictTitle'),
    conflictMine: t('notesConflictMine'),
    conflictTheirs: t('notesConflictTheirs'),
    keepMine: t('notesKeepMine'),
    keepTheirs: t('notesKeepTheirs'),
    keepBoth: t('notesKeepBoth'),
    recovered: t('notesRecovered'),
    recoveredLabel: t('notesRecoveredLabel'),
    recoveredEditLabel: t('notesRecoveredEditLabel'),
  };
}

export type PanelWords = ReturnType<typeof panelWords>;
