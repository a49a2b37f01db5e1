import { describe, expect, it, vi } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import { SignupService } from '../../lib/services/signups';
import { openDatabase, Store } from '../../lib/storage/store';
import { fixturePlan } from '../support/fixtures';

let dbCount = 0;

describe('signing up for a discussion', () => {
  it('keeps one sign-up per period: choosing another session cancels the first, cancelling leaves a record', async () => {
    const store = new Store(await openDatabase(`signups-${++dbCount}`));
    await store.setActivePlan({ plan: planSchema.parse(fixturePlan()), source: { kind: 'file' }, loadedAt: '2026-11-20T10:00:00Z' });
    const onChange = vi.fn();
    const signups = new SignupService(store, onChange);
    expect(await signups.signUp('2026-11-s1', new Date('2026-11-21T10:00:00Z'))).toBe(true);
    expect(await signups.signUp('2026-11-s3', new Date('2026-11-22T10:00:00Z'))).toBe(true);
    expect([...(await signups.active())]).toEqual(['2026-11-s3']);
    expect((await store.signups()).find((s) => s.sessionId === '2026-11-s1')).toEqual({ sessionId: '2026-11-s1', updatedAt: '2026-11-22T10:00:00.000Z', cancelled: true });
    await signups.cancel('2026-11-s3', new Date('2026-11-23T10:00:00Z'));
    expect([...(await signups.active())]).toEqual([]);
    expect(await signups.signUp('no-such-session')).toBe(false);
    expect(onChange).toHaveBeenCalledTimes(3);
  });
});
