import type { Setting } from '../../lib/worker/create-worker';

/** A setting kept in memory, for a worker under test. */
export function memorySetting<T>(initial: T): Setting<T> & { value: T } {
  const setting = {
    value: initial,
    getValue: async () => setting.value,
    setValue: async (value: T) => {
      setting.value = value;
    },
  };
  return setting;
}
