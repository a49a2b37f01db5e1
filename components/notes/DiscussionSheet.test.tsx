import { render } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DiscussionSheet } from './DiscussionSheet';
import { expectSaidUnreadable, quietErrors, unreadable } from '../../test/support/unreadable';

describe('DiscussionSheet, when what is saved cannot be read', () => {
  it('says so under its heading with a way to reload, instead of a page that stays busy', async () => {
    const errors = quietErrors();
    render(<DiscussionSheet load={unreadable} copy={vi.fn()} print={vi.fn()} />);
    await expectSaidUnreadable('Förbered diskussionen');
    expect(errors).toHaveBeenCalled();
  });
});
