// Messages from the worker or the notes panel to the content script of one tab. Kept free of
// zod: the content script reads them.

export type TabRequest = { type: 'toggleNotes' } | { type: 'closeNotes' };

export function parseTabRequest(raw: unknown): TabRequest | null {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  return type === 'toggleNotes' || type === 'closeNotes' ? { type } : null;
}
