// Styles live inside shadow roots, so neither Digiteket's CSS nor ours leaks across.
// Every value comes from the extension's design tokens (read as text into each root), so the
// badges, strip and notes tab speak the same visual language as the extension's own pages.
// The in-page UI keeps the light colours: it sits on Digiteket's own light page.
// `?inline`: the stylesheet as text, minified in the build (comments out), so the content script
// stays small.
import TOKENS from '../../components/shared/tokens.css?inline';

// The badge is an inline box with zero line height: its padding and background paint around the
// text without making the line taller. A badge that grew a card by even a fraction of a pixel
// moved every card after it, and the browser laid out and repainted the whole list again.
// `!important` on :host because the host is a span in the page, where a site rule could reach it.
export const BADGE_CSS = `${TOKENS}
:host { all: initial !important; line-height: 0 !important; }
.badge { font: var(--kk-weight-strong) var(--kk-text-xs)/0 var(--kk-font-family); vertical-align: middle;
  padding: 3px var(--kk-space-2); border-radius: var(--kk-radius-pill); white-space: nowrap;
  color: var(--kk-color-on-brand); background: var(--kk-color-brand); }
.badge--optional { background: var(--kk-color-bg); color: var(--kk-color-brand); box-shadow: inset 0 0 0 1px var(--kk-color-brand); }
.badge--done { background: var(--kk-color-ok); }
.badge--notPlanned { background: var(--kk-color-bg); color: var(--kk-color-warn); box-shadow: inset 0 0 0 1px var(--kk-color-warn); }
`;

export const PANEL_CSS = `${TOKENS}
:host { all: initial; display: block; margin: var(--kk-space-2) 0 var(--kk-space-4); }
.panel { display: flex; flex-wrap: wrap; align-items: center; gap: var(--kk-space-2) var(--kk-space-3);
  font: var(--kk-text-sm)/1.4 var(--kk-font-family); color: var(--kk-color-text); }
.badge { display: inline-flex; align-items: center; font-weight: var(--kk-weight-strong); font-size: var(--kk-text-xs);
  padding: 2px var(--kk-space-3); border-radius: var(--kk-radius-pill); color: var(--kk-color-on-brand); background: var(--kk-color-brand); }
.badge--optional { background: var(--kk-color-bg); color: var(--kk-color-brand); box-shadow: inset 0 0 0 1px var(--kk-color-brand); }
.badge--done { background: var(--kk-color-ok); }
button { font: inherit; font-size: var(--kk-text-xs); font-weight: var(--kk-weight-strong); cursor: pointer;
  padding: var(--kk-space-1) var(--kk-space-3); border-radius: var(--kk-radius-sm);
  border: var(--kk-border-width) solid var(--kk-color-brand); background: var(--kk-color-bg); color: var(--kk-color-brand); }
button:hover { background: var(--kk-color-brand-soft); }
button:focus-visible { outline: var(--kk-focus-width) solid var(--kk-color-focus); outline-offset: var(--kk-focus-offset); }
.status { font-size: var(--kk-text-xs); color: var(--kk-color-text); }
.brand { font-size: var(--kk-text-xs); color: var(--kk-color-muted); }
.tip { flex: 0 0 100%; margin: 0; }
.tip-box { display: inline-block; box-sizing: border-box; max-width: min(100%, 72ch); font-size: var(--kk-text-xs); overflow-wrap: anywhere;
  padding: var(--kk-space-2) var(--kk-space-3); border-left: 3px solid var(--kk-color-brand); background: var(--kk-color-brand-soft); }
.tip[hidden] { display: none; }
`;

export const NOTES_TAB_CSS = `${TOKENS}
:host { all: initial; position: fixed; right: 0; top: 40%; z-index: 2147483645; }
.tab { writing-mode: vertical-rl; transform: rotate(180deg); font: var(--kk-weight-strong) var(--kk-text-xs)/1.2 var(--kk-font-family);
  color: var(--kk-color-on-brand); background: var(--kk-color-brand); border: 0; border-radius: 0 var(--kk-radius-md) var(--kk-radius-md) 0;
  padding: var(--kk-space-3) var(--kk-space-2); cursor: pointer; box-shadow: var(--kk-shadow-overlay); }
.tab:hover { background: var(--kk-color-brand-strong); }
.tab:focus-visible { outline: var(--kk-focus-width) solid var(--kk-color-focus); outline-offset: var(--kk-focus-offset); }
`;

export const NOTES_FRAME_CSS = `${TOKENS}
:host { all: initial !important; }
.frame { position: fixed; top: 0; right: 0; width: min(420px, 100vw); height: 100vh; z-index: 2147483646;
  background: var(--kk-color-bg); box-shadow: var(--kk-shadow-overlay); }
iframe { width: 100%; height: 100%; border: 0; display: block; }
`;
