import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { closedHost } from '../../entrypoints/content/shadow-host';

// The host every strip, bar and the notes tab sit in: closed to the page, its keys its own,
// gone with the content script.

let ctx: ContentScriptContext;
beforeEach(() => {
  document.body.innerHTML = '<main><h1>Skapa en podd</h1></main>';
  ctx = new ContentScriptContext('content');
});
afterEach(() => ctx.abort());

describe('closedHost', () => {
  it('gives the page a host it cannot look into, with our styles inside', () => {
    const { host, shadow } = closedHost(ctx, { tag: 'kurskompis-panel', css: '.panel { color: red }' });
    document.querySelector('h1')?.after(host);
    expect(document.querySelector('kurskompis-panel')?.shadowRoot).toBeNull();
    expect(shadow.querySelector('style')?.textContent).toContain('.panel');
  });

  it('marks a span host so the runner knows it as ours', () => {
    const { host } = closedHost(ctx, { tag: { span: 'notes-tab' }, css: '' });
    expect(host.localName).toBe('span');
    expect(host.getAttribute('data-kurskompis')).toBe('notes-tab');
  });

  it('keeps keys typed in our UI from the page when asked, and only then', () => {
    const seen: boolean[] = [];
    let current = false;
    document.addEventListener('keydown', () => seen.push(current));
    for (const isolateKeys of [true, false]) {
      current = isolateKeys;
      const { host, shadow } = closedHost(ctx, { tag: 'kurskompis-panel', css: '', isolateKeys });
      const button = document.createElement('button');
      shadow.append(button);
      document.body.append(host);
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true, composed: true }));
    }
    expect(seen).toEqual([false]);
  });

  it('goes when the content script is stopped', () => {
    const { host } = closedHost(ctx, { tag: 'kurskompis-collect', css: '' });
    document.body.append(host);
    ctx.abort();
    expect(document.querySelector('kurskompis-collect')).toBeNull();
  });
});
