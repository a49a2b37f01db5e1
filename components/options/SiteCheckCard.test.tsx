import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { SeenPage } from '../../lib/site/page-checks';
import { expectAccessible } from '../../test/unit/axe';
import { SiteCheckCard } from './SiteCheckCard';

const STEP: SeenPage = {
  address: 'https://digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/att-leda-samtalet-17993.66d6b4626c1a43.10482215',
  kind: 'step',
  key: 'digiteket.se/kurs/ner-i-kaninhalet-starta-din-egen-studiecirkel-om-ai/',
  title: 'Ner i kaninhålet – starta din egen studiecirkel om AI',
  found: ['courseMenuLink', 'heading', 'mainContent', 'canonical', 'lastStep'],
  missing: ['completion'],
  at: '2026-11-20T09:42:00.000Z',
};
const LIST: SeenPage = { address: 'https://digiteket.se/nytt-kursarkiv/', kind: 'unknown', found: ['heading'], missing: ['mainContent'], at: '2026-11-20T09:40:00.000Z' };

describe('SiteCheckCard', () => {
  it('says in plain Swedish what was recognised on each page and what was not found', async () => {
    const { container } = render(<SiteCheckCard load={async () => [STEP, LIST]} copy={vi.fn(async () => undefined)} version="1.2.3" subscribe={() => () => undefined} />);
    const list = await screen.findByTestId('site-check');
    const [step, unknown] = within(list).getAllByRole('listitem');
    expect(step!.textContent).toContain('ett steg i kursen');
    expect(step!.textContent).toContain('Ner i kaninhålet – starta din egen studiecirkel om AI');
    expect(step!.textContent).toContain('Hittade intetecken på att kursen är klar');
    expect(step!.textContent).toContain('kursens sista steg');
    expect(unknown!.textContent).toContain('okänd sida');
    expect(unknown!.textContent).toContain('Hittade intesidans huvudinnehåll');
    await expectAccessible(container);
  });

  it('copies a report of addresses and recognised fields, and says so', async () => {
    const copy = vi.fn(async (_text: string) => undefined);
    render(<SiteCheckCard load={async () => [STEP]} copy={copy} version="1.2.3" subscribe={() => () => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Kopiera rapport' }));
    await screen.findByText(/Rapporten är kopierad/);
    const text = copy.mock.calls[0]![0];
    expect(text).toMatch(/^Kurskompis sidkontroll \d{4}-\d{2}-\d{2} \(version 1\.2\.3\)/);
    expect(text).toContain(STEP.address);
    expect(text).toContain('Hittade inte: tecken på att kursen är klar');
  });

  it('shows the report to copy by hand when the clipboard refuses', async () => {
    render(<SiteCheckCard load={async () => [STEP]} copy={async () => Promise.reject(new Error('no'))} version="1.2.3" subscribe={() => () => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Kopiera rapport' }));
    await screen.findByRole('alert');
    expect((screen.getByRole('textbox') as HTMLTextAreaElement).value).toContain(STEP.address);
  });

  it('says what to do when no page has been checked yet', async () => {
    render(<SiteCheckCard load={async () => []} copy={vi.fn()} version="1" subscribe={() => () => undefined} />);
    expect((await screen.findByTestId('site-check-empty')).textContent).toMatch(/Öppna en kurs på Digiteket/);
  });
});
