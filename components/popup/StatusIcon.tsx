import type { ItemState } from '../../lib/time/periods';

// Three shapes that differ without colour (printed, or for the colour-blind): a filled disc
// with a tick, a half-filled disc, an empty ring. The status word always stands beside it.

export function StatusIcon({ status }: { status: ItemState['status'] }) {
  return (
    <svg class={`status-icon ${status}`} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {status === 'done' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.5 8.3l2.2 2.2 4.8-5" fill="none" stroke="#fff" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
        </>
      )}
      {status === 'started' && (
        <>
          <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5" />
          <path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" fill="currentColor" />
        </>
      )}
      {status === 'todo' && <circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5" />}
    </svg>
  );
}
