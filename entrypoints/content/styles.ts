// Styles live inside shadow roots, so neither Digiteket's CSS nor ours leaks across.
// Colours keep at least 4.5:1 contrast against their backgrounds.

// The badge is an inline box with zero line height: its padding and background paint around the
// text without making the line taller. A badge that grew a card by even a fraction of a pixel
// moved every card after it, and the browser laid out and repainted the whole list again.
// `!important` on :host because the host is a span in the page, where a site rule could reach it.
export const BADGE_CSS = `
:host { all: initial !important; line-height: 0 !important; }
.badge { font: 600 12px/0 system-ui, sans-serif; vertical-align: middle;
  padding: 3px 8px; border-radius: 999px; white-space: nowrap; color: #fff; background: #1d4f91; }
.badge--optional { background: #fff; color: #1d4f91; box-shadow: inset 0 0 0 1px #1d4f91; }
.badge--done { background: #1e6b3a; }
.badge--notPlanned { background: #fff; color: #8a4b00; box-shadow: inset 0 0 0 1px #8a4b00; }
`;

export const PANEL_CSS = `
:host { all: initial; display: block; margin: 8px 0 16px; }
.panel { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 12px; font: 14px/1.4 system-ui, sans-serif; color: #1b1b1b; }
.badge { display: inline-flex; align-items: center; font-weight: 600; font-size: 13px; padding: 2px 10px; border-radius: 999px; color: #fff; background: #1d4f91; }
.badge--optional { background: #fff; color: #1d4f91; box-shadow: inset 0 0 0 1px #1d4f91; }
.badge--done { background: #1e6b3a; }
button { font: inherit; font-size: 13px; cursor: pointer; padding: 4px 12px; border-radius: 6px; border: 1px solid #1d4f91; background: #fff; color: #1d4f91; }
button:hover { background: #eef3fa; }
button:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.status { font-size: 13px; color: #1b1b1b; }
.brand { font-size: 12px; color: #4a4a4a; }
.tip { flex: 0 0 100%; margin: 0; }
.tip-box { display: inline-block; box-sizing: border-box; max-width: min(100%, 72ch); font-size: 13px; overflow-wrap: anywhere; padding: 6px 10px; border-left: 3px solid #1d4f91; background: #eef3fa; }
.tip[hidden] { display: none; }
`;

export const NOTES_TAB_CSS = `
:host { all: initial; position: fixed; right: 0; top: 40%; z-index: 2147483645; }
.tab { writing-mode: vertical-rl; transform: rotate(180deg); font: 600 13px/1.2 system-ui, sans-serif; color: #fff;
  background: #1d4f91; border: 0; border-radius: 0 8px 8px 0; padding: 12px 6px; cursor: pointer; box-shadow: 0 1px 6px rgba(0,0,0,.3); }
.tab:hover { background: #163d70; }
.tab:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
`;

export const NOTES_FRAME_CSS = `
:host { all: initial !important; }
.frame { position: fixed; top: 0; right: 0; width: min(420px, 100vw); height: 100vh; z-index: 2147483646;
  background: #fff; box-shadow: -4px 0 16px rgba(0,0,0,.25); }
iframe { width: 100%; height: 100%; border: 0; display: block; }
`;
