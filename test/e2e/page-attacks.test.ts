import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addDays, todayInSweden } from '../../lib/time/dates';
import { ClosedRoots, notesFrame } from './closed-root';
import { fixturePlanAt, launch, loadPlanFile, type Browser } from './harness';

// Attacks by Digiteket's own page scripts (or anything injected into them), run where such a
// script runs: `page.evaluate` and init scripts are the page's main world. The page tries to
// read what Kurskompis shows, to press its buttons, to forge the coordinator's collecting, and
// to frame the notes panel itself; it must get nothing, and nothing stored may change.

/** Everything Kurskompis keeps, read from one of its own pages. */
async function stored(browser: Browser): Promise<Record<string, unknown>> {
  const page = await browser.options();
  const all = await page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const open = indexedDB.open('kurskompis');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['progress', 'notes', 'assessments', 'state', 'plans'];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, unknown> = {};
          for (const name of names) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (out[name] = request.result);
          }
          tx.oncomplete = () => resolve(out);
        };
      }),
  );
  await page.close();
  return all;
}

/** Before the page's own scripts: a script that tries to force every shadow root open. */
function forceRootsOpen() {
  const w = window as unknown as { forcedOpen: number };
  w.forcedOpen = 0;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    w.forcedOpen += 1;
    return attach.call(this, { ...init, mode: 'open' });
  };
}

/** The hostile script: look for our text, then press everything of ours it can find, every way it can. */
function readAndPress(extensionId: string) {
  const all = [...document.querySelectorAll('*')];
  const ours = all.filter((el) => el.hasAttribute('data-kurskompis') || el.localName.startsWith('kurskompis-'));
  document.execCommand('selectAll');
  const selected = getSelection()?.toString() ?? '';
  getSelection()?.removeAllRanges();
  const seen = {
    hosts: ours.length,
    openRoots: all.filter((el) => el.shadowRoot !== null).length,
    forcedOpen: (window as unknown as { forcedOpen: number }).forcedOpen,
    frames: window.length,
    iframes: document.querySelectorAll('iframe').length,
    text: [document.body.innerText, selected, ...ours.map((host) => `${host.textContent} ${host.innerHTML}`)].join('\n'),
    sent: 'no way to send',
  };
  // Badges sit in links: the page keeps its clicks from leaving the page, to go on pressing.
  document.addEventListener('click', (event) => (event.target as Element).closest('a') && event.preventDefault(), true);
  for (const host of ours) {
    (host as HTMLElement).click();
    for (const type of ['pointerdown', 'mousedown', 'mouseup', 'click']) {
      host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, cancelable: true }));
    }
    (host as HTMLElement).focus();
    for (const type of ['keydown', 'keypress', 'keyup']) {
      host.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', code: 'Enter', bubbles: true, composed: true }));
      host.dispatchEvent(new KeyboardEvent(type, { key: ' ', code: 'Space', bubbles: true, composed: true }));
    }
    host.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    const box = host.getBoundingClientRect();
    (document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) as HTMLElement | null)?.click();
  }
  // Straight to the extension, as a content script would: a web page has no such channel.
  const chrome = (window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => unknown } } }).chrome;
  try {
    chrome?.runtime?.sendMessage?.(extensionId, { type: 'setDone', key: 'digiteket.se/kurs/skapa-en-podd/', done: true });
    if (chrome?.runtime?.sendMessage) seen.sent = 'sent';
  } catch {
    seen.sent = 'refused';
  }
  return seen;
}

/** What the page got: it found our hosts (they sit in its DOM), nothing inside them. */
function assertGotNothing(seen: ReturnType<typeof readAndPress>, secrets: string[]) {
  assert.ok(seen.hosts > 0, 'the page sees that something is there');
  assert.deepEqual([seen.openRoots, seen.forcedOpen, seen.frames, seen.iframes], [0, 0, 0, 0]);
  for (const secret of secrets) assert.ok(!seen.text.includes(secret), `the page read "${secret}"`);
  assert.notEqual(seen.sent, 'sent');
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 800));

describe('a hostile page script', () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
    await browser.context.addInitScript(forceRootsOpen);
    await (await loadPlanFile(browser, fixturePlanAt())).close();
  });
  after(() => browser.close());

  it('cannot read the course strip or badges, nor mark a course done or open the notes', async () => {
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    await roots.waitFor({ selector: 'button', text: 'Markera som klar', in: { selector: 'kurskompis-panel' } });
    await roots.waitFor({ selector: 'button.tab' });
    await settle();
    const before = await stored(browser);
    const toolbar = await browser.toolbarBadge();
    const seen = await page.evaluate(readAndPress, browser.extensionId);
    assertGotNothing(seen, ['Markera som klar', 'Månadens kurs', 'klar senast', 'Kurskompis', 'Mina reflektioner']);
    // Even a script that got hold of the buttons makes only untrusted events: they do nothing.
    // The strip's two buttons: "Markera som klar" and the (hidden) "Utvärdera kursen".
    assert.equal(await roots.untrustedClick({ selector: 'button', in: { selector: 'kurskompis-panel' } }), 2);
    assert.equal(await roots.untrustedClick('button.tab'), 1);
    await settle();
    assert.deepEqual(await stored(browser), before);
    assert.equal(await browser.toolbarBadge(), toolbar);
    assert.equal(await roots.text({ selector: 'button', in: { selector: 'kurskompis-panel' } }), 'Markera som klar');
    // No panel was opened by the page's clicks.
    assert.equal(page.frames().length, 1);

    // The list page's badges, likewise.
    const list = await browser.open('/kurser/');
    await (await ClosedRoots.of(list)).waitFor({ selector: '.badge', text: 'Månadens kurs' });
    assertGotNothing(await list.evaluate(readAndPress, browser.extensionId), ['Månadens kurs', 'Valfri']);
    await list.close();
    await page.close();
  });

  it('cannot press the import on Mina sidor or the save on the self-assessment result', async () => {
    for (const [path, bar, words] of [
      ['/mina-sidor/', 'kurskompis-import', ['Importera till Kurskompis', 'genomförda kurser']],
      ['/sjalvskattningstest/resultat/', 'kurskompis-assessment', ['Spara mitt resultat i Kurskompis']],
    ] as const) {
      const page = await browser.open(path);
      const roots = await ClosedRoots.of(page);
      await roots.waitFor({ selector: 'button', in: { selector: bar } });
      await settle();
      const before = await stored(browser);
      assertGotNothing(await page.evaluate(readAndPress, browser.extensionId), [...words]);
      assert.equal(await roots.untrustedClick({ selector: 'button', in: { selector: bar } }), 1);
      await settle();
      assert.deepEqual(await stored(browser), before, path);
      await page.close();
    }
  });

  it('cannot read the coordinator’s periods nor add forged courses to the plan', async () => {
    const options = await browser.options();
    await options.getByLabel('Jag är samordnare').check();
    await options.getByRole('link', { name: 'Öppna planeringen' }).click();
    await options.waitForURL(/coordinator\.html$/);
    await options.getByLabel('Teamets namn').fill('Testbiblioteket');
    await options.getByRole('button', { name: 'Skapa planen' }).click();
    await options.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();
    await options.locator('#f-periods-0-deadline').fill(addDays(todayInSweden(), 14));
    await options.getByTestId('save-state').filter({ hasText: /^Sparat / }).waitFor();
    const periodTitle = await options.getByLabel('Rubrik', { exact: true }).first().inputValue();
    await options.close();

    const page = await browser.open('/kompetensomrade/skapa-innehall/');
    const roots = await ClosedRoots.of(page);
    await roots.waitFor({ selector: 'option', text: periodTitle, in: { selector: 'kurskompis-collect' } });
    // Forged cards first, as the page would add them, then every press it can think of.
    await page.evaluate(() => {
      const list = document.querySelector('main') ?? document.body;
      for (let i = 0; i < 21; i += 1) {
        const card = document.createElement('article');
        card.className = 'course-card';
        card.innerHTML = `<a class="course-card__link" href="/kurs/forfalskad-${i}/"><h3 class="course-card__title">Förfalskad ${i}</h3></a>`;
        list.append(card);
      }
    });
    await roots.waitFor({ selector: 'input[aria-label="Välj Förfalskad 20"]' });
    await settle();
    const before = await stored(browser);
    const seen = await page.evaluate(readAndPress, browser.extensionId);
    assertGotNothing(seen, [periodTitle, 'Lägg till', 'Välj', 'Samla till planen']);
    assert.ok((await roots.untrustedClick('input[type="checkbox"]')) > 21);
    assert.equal(await roots.untrustedClick({ selector: 'button', in: { selector: 'kurskompis-collect' } }), 2);
    await settle();
    assert.deepEqual(await stored(browser), before);
    const draft = (before.state as Array<{ plan?: { periods: Array<{ items: unknown[] }> } }>).find((entry) => entry.plan);
    assert.equal(draft?.plan?.periods[0]?.items.length, 0);
    await page.close();
  });

  it('cannot use the notes panel by framing it, with no ticket, a guessed one or a used one', async () => {
    // The user's private note, written in the panel they opened themselves.
    const page = await browser.open('/kurs/skapa-en-podd/');
    const roots = await ClosedRoots.of(page);
    await roots.click({ selector: 'button.tab' });
    const panel = await notesFrame(page);
    await panel.getByLabel('Ny reflektion').fill('Min privata tanke');
    await panel.getByRole('status').filter({ hasText: 'Sparad' }).waitFor();
    const hostile = await browser.open('/kurs/kallkritik-pa-natet/');
    await settle();
    const before = await stored(browser);
    const note = (before.notes as Array<{ text: string; shared: boolean }>).find((n) => n.text === 'Min privata tanke');
    assert.equal(note?.shared, false);

    // The address our frame was given (read here through the closed root, which the page
    // cannot): the session's dynamic address and a ticket the panel has already used.
    const src = (await roots.all('iframe'))[0]?.attributes.src ?? '';
    const [address, used] = src.split('#');
    assert.match(address ?? '', /^chrome-extension:\/\/[^/]+\/notes-panel\.html$/);
    assert.match(used ?? '', /^[0-9a-f]{64}$/);
    const fixed = `chrome-extension://${browser.extensionId}/notes-panel.html`;
    const attempts = [
      `${fixed}#${used}`,
      `${address}`,
      `${address}#${randomBytes(32).toString('hex')}`,
      `${address}#${used}`,
      `${address}?key=digiteket.se/kurs/skapa-en-podd/&title=x#${used}`,
    ];
    await hostile.evaluate((sources) => {
      for (const src of sources) {
        const frame = document.createElement('iframe');
        frame.src = src;
        // Invisible, over the page's own content, where the user's click would land.
        frame.style.cssText = 'position:fixed;inset:0;width:100%;height:100%;opacity:0.01;z-index:2147483647';
        document.body.append(frame);
      }
    }, attempts);
    await settle();
    const framed = hostile.frames().filter((f) => f !== hostile.mainFrame());
    assert.equal(framed.length, attempts.length);
    const texts: string[] = [];
    for (const frame of framed) {
      if (frame.url().startsWith('chrome-error:')) {
        texts.push('(blocked)');
        continue;
      }
      // A busy machine may still be drawing the frame; what it finally says is what counts.
      await frame.waitForFunction(() => (document.body?.innerText.trim() ?? '') !== '');
      texts.push(await frame.evaluate(() => document.body.innerText.trim()));
      assert.equal(await frame.locator('textarea, [role="switch"], button, .note').count(), 0);
    }
    const refused = 'Öppna Mina reflektioner med fliken vid kursens sida på Digiteket.';
    // The fixed address is refused by the browser itself (dynamic address); the rest say only how to open the panel.
    assert.deepEqual(texts, ['(blocked)', refused, refused, refused, refused]);
    // The user clicks where the page put its frames: nothing changes.
    await hostile.mouse.click(200, 200);
    await settle();
    assert.deepEqual(await stored(browser), before);
    await hostile.close();
    await page.close();
  });
});
