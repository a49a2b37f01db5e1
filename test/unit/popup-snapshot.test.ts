import { describe, expect, it } from 'vitest';
import { planSchema } from '../../lib/model/plan';
import type { ProgressRecord } from '../../lib/model/progress';
import type { PopupData } from '../../lib/storage/store';
import { readPopupSnapshot, SNAPSHOT_KEY, writePopupSnapshot } from '../../lib/storage/popup-snapshot';
import { fixturePlan } from '../support/fixtures';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const record: ProgressRecord = { courseKey: 'digiteket.se/kurs/skapa-en-podd/', status: 'done', completedAt: '2026-11-10T10:00:00Z', updatedAt: '2026-11-10T10:00:00Z' };
const data: PopupData = {
  stored: { plan: planSchema.parse(fixturePlan()), source: { kind: 'file' }, loadedAt: '2026-11-01T00:00:00Z' },
  progress: new Map([[record.courseKey, record]]),
  changes: undefined,
  state: { base: 'https://kim:hemligt@moln.example.se/kurskompis/', failures: 0, lastOkAt: '2026-11-30T08:00:00Z', signupCounts: { 's-1': 3 } },
  signups: [],
  own: [{ periodId: 'p-2026-11', deadline: '2026-12-07', reason: 'sick', updatedAt: '2026-11-20T10:00:00Z' }],
};

describe('the popup snapshot', () => {
  it('gives back what the popup drew, progress by course, while the revision is the one it was read at', () => {
    const storage = memoryStorage();
    writePopupSnapshot(storage, 41, '6:0.2.0', data);
    const read = readPopupSnapshot(storage, 41, '6:0.2.0');
    expect(read).not.toBeNull();
    expect(read?.progress.get(record.courseKey)).toEqual(record);
    expect({ ...read, progress: [...(read?.progress.values() ?? [])] }).toEqual({ ...JSON.parse(JSON.stringify(data)), state: { ...data.state, base: '' }, progress: [record] });
  });

  it('keeps no folder address (it may carry a user name and password), and nothing without web storage', () => {
    const storage = memoryStorage();
    writePopupSnapshot(storage, 41, 'v', data);
    expect(storage.items.get(SNAPSHOT_KEY)).not.toContain('moln.example.se');
    expect(storage.items.get(SNAPSHOT_KEY)).not.toContain('hemligt');
    expect(() => writePopupSnapshot(null, 41, 'v', data)).not.toThrow();
    expect(readPopupSnapshot(null, 41, 'v')).toBeNull();
  });

  it('is not used once the background changed anything, nor by another version of Kurskompis', () => {
    const storage = memoryStorage();
    writePopupSnapshot(storage, 41, '6:0.2.0', data);
    expect(readPopupSnapshot(storage, 42, '6:0.2.0')).toBeNull();
    expect(readPopupSnapshot(storage, 41, '6:0.3.0')).toBeNull();
    expect(readPopupSnapshot(storage, 41, '7:0.2.0')).toBeNull();
  });

  it('reads nothing from a text that is not a snapshot, and a storage that throws costs only the head start', () => {
    const storage = memoryStorage();
    expect(readPopupSnapshot(storage, 0, 'v')).toBeNull();
    for (const text of ['{', 'null', '[]', '{"revision":0,"version":"v"}', '{"revision":0,"version":"v","data":{"progress":{}}}', '{"revision":0,"version":"v","data":{"progress":[],"signups":[]}}']) {
      storage.items.set(SNAPSHOT_KEY, text);
      expect(readPopupSnapshot(storage, 0, 'v'), text).toBeNull();
    }
    const refusing = {
      getItem: () => {
        throw new DOMException('disabled', 'SecurityError');
      },
    };
    expect(readPopupSnapshot(refusing, 0, 'v')).toBeNull();
  });

  it('a full storage removes the old snapshot rather than leave it standing', () => {
    const storage = memoryStorage();
    writePopupSnapshot(storage, 1, 'v', data);
    const full = { ...storage, setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    } };
    expect(() => writePopupSnapshot(full, 2, 'v', data)).not.toThrow();
    expect(storage.items.has(SNAPSHOT_KEY)).toBe(false);
  });
});
