/**
 * For DataLoaders of nested connections: the keys of one batch that share their page arguments
 * are loaded together, one call per distinct group (usually one); a group that fails (say, a bad
 * cursor) fails only its own keys.
 */
export async function loadGrouped<K, V>(keys: readonly K[], groupOf: (key: K) => string, load: (group: K[]) => Promise<V[]>): Promise<(V | Error)[]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, i) => {
    const g = groupOf(key);
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  });
  const out: (V | Error)[] = new Array(keys.length);
  for (const indexes of groups.values()) {
    try {
      const values = await load(indexes.map((i) => keys[i]));
      indexes.forEach((i, n) => (out[i] = values[n]));
    } catch (err) {
      for (const i of indexes) out[i] = err instanceof Error ? err : new Error(String(err));
    }
  }
  return out;
}
