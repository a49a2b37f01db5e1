import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './axe';

// The shared axe check must be able to fail in happy-dom, or the screens' checks prove nothing.
describe('expectAccessible', () => {
  it('fails on a nameless button, an image without text and an unlabelled field', async () => {
    const { container } = render(
      <main>
        <button type="button" />
        <img src="x.png" />
        <input type="text" />
      </main>,
    );
    const failure = await expectAccessible(container).then(() => null, (error: { actual?: unknown }) => error);
    expect(String(failure?.actual).split('\n').map((line) => line.split(' ')[0])).toEqual(['button-name', 'image-alt', 'label']);
  });

  it('passes a labelled form', async () => {
    const { container } = render(
      <main>
        <label for="name">Namn</label>
        <input id="name" type="text" />
        <button type="button">Spara</button>
      </main>,
    );
    await expectAccessible(container);
  });
});
