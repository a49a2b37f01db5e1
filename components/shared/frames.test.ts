import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from './frames';

describe('afterNextPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for the next frame and then a task, not for the fallback', async () => {
    let done = false;
    void afterNextPaint(1_000).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    // One frame (16 ms in fake time), then the task after it.
    await vi.advanceTimersByTimeAsync(17);
    expect(done).toBe(true);
  });

  it('resolves after the fallback on a page that draws no frames', async () => {
    const frame = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation(() => 0);
    let done = false;
    void afterNextPaint(250).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(249);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    frame.mockRestore();
  });
});
