// Two copies of the same records (a backup and this browser, two browsers of one member):
// per id the record changed last wins, so merging in any order, any number of times, agrees.

/** Keeps, per id, the record changed last (ties keep the one we have). */
export function mergeById<T>(
  current: readonly T[],
  incoming: readonly T[],
  idOf: (record: T) => string,
  updatedAtOf: (record: T) => string,
): { merged: T[]; changed: T[] } {
  const byId = new Map(current.map((r) => [idOf(r), r]));
  const changed: T[] = [];
  for (const record of incoming) {
    const id = idOf(record);
    const existing = byId.get(id);
    if (!existing || Date.parse(updatedAtOf(record)) > Date.parse(updatedAtOf(existing))) {
      byId.set(id, record);
      changed.push(record);
    }
  }
  return { merged: [...byId.values()], changed };
}
