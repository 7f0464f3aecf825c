/** Helpers for the batch functions behind the DataLoaders. */

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T, K = string>(rows: T[], keyOf: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/** The groups for the keys a DataLoader asked for, in their order; an empty list for a key without rows. */
export function groupsFor<T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] {
  const groups = groupBy(rows, keyOf);
  return keys.map((k) => groups.get(k) ?? []);
}
