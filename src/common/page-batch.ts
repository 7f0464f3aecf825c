import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { groupBy } from './batch';
import { isInstant, isUuid } from './formats';
import { decodeCursor, Page, PageArgs, pageOf, pageSize } from './paging';

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

/** The rows of a child table that `childPageLoader` pages, per parent, in keyset order: one column, then id. */
export interface ChildPagesQuery {
  /** The child table, the loading module's own. */
  table: string;
  /** Its column holding the parent's id. */
  parent: string;
  /** Its sort column, ascending, and that column's SQL type. */
  sort: string;
  sortType: 'timestamptz' | 'int';
}

/** A page of one parent's children: `Parent.children(first, after)`, `countTotal` as `withCountIfAsked` sets it. */
export interface ChildPageKey extends PageArgs {
  parentId: string;
}

const pageArgsOf = (k: PageArgs) => JSON.stringify([k.first ?? null, k.after ?? null, k.countTotal !== false]);

/** A cursor's sort value must be of the sort column's type: an instant (microseconds kept as text) or an integer. */
const sortValueValid = (type: ChildPagesQuery['sortType']) => (v: unknown) => (type === 'int' ? Number.isInteger(v) : typeof v === 'string' && isInstant(v));

/**
 * The pages of many parents' children in one statement (a lateral keyset page per parent, the
 * parent's total only when asked), batched per distinct page arguments: a nested connection whose
 * cost does not grow with the number of parents on the outer page. `toNode` makes a node of a row
 * as `to_jsonb` spells it (column names).
 */
export function childPageLoader<T>(em: EntityManager, q: ChildPagesQuery, maxPageSize: number, toNode: (row: Record<string, unknown>) => T) {
  const sortKey = q.sortType === 'timestamptz' ? `to_char(t.${q.sort} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : `t.${q.sort}`;
  const pages = async (group: ChildPageKey[]): Promise<Page<T>[]> => {
    const args = group[0];
    const size = pageSize(args.first, maxPageSize);
    const valid = sortValueValid(q.sortType);
    const [afterSort, afterId] = args.after
      ? decodeCursor(args.after, (v) => v.length === 2 && typeof v[1] === 'string' && isUuid(v[1]) && valid(v[0]))
      : [null, null];
    const total = args.countTotal === false ? 'NULL::int' : `(SELECT count(*) FROM ${q.table} c WHERE c.${q.parent} = k.id)::int`;
    const rows: { parent_id: string; total: number | null; sort_key: string | number | null; id: string | null; node: Record<string, unknown> | null }[] =
      await em.query(
        `SELECT k.id AS parent_id, ${total} AS total, ${sortKey} AS sort_key, t.id, to_jsonb(t) AS node
           FROM unnest($1::uuid[]) AS k(id)
           LEFT JOIN LATERAL (
             SELECT * FROM ${q.table} t
              WHERE t.${q.parent} = k.id AND ($2::${q.sortType} IS NULL OR (t.${q.sort}, t.id) > ($2::${q.sortType}, $3::uuid))
              ORDER BY t.${q.sort}, t.id
              LIMIT $4) t ON true
          ORDER BY k.id, t.${q.sort}, t.id`,
        [[...new Set(group.map((k) => k.parentId))], afterSort, afterId, size + 1],
      );
    const byParent = groupBy(rows, (r) => r.parent_id);
    return group.map((k) => {
      const mine = byParent.get(k.parentId) ?? [];
      const found = mine.filter((r) => r.id !== null);
      return pageOf(
        found,
        size,
        args.after,
        mine[0]?.total ?? NaN,
        (r) => [r.sort_key, r.id],
        (r) => toNode(r.node!),
      );
    });
  };
  return new DataLoader<ChildPageKey, Page<T>, string>((keys) => loadGrouped(keys, pageArgsOf, pages), {
    cacheKeyFn: (k) => `${k.parentId}|${pageArgsOf(k)}`,
  });
}
