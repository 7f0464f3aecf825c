import type { DataSource } from 'typeorm';

/**
 * The run history's monthly partitions (migration 1795810000000, docs/scaling.md): one partition per
 * UTC month, `aggregation_run_yYYYYmMM`, and `aggregation_run_older` for everything before the
 * oldest month. These run outside any transaction: DETACH PARTITION … CONCURRENTLY may not run in one.
 */
export interface RunPartition {
  name: string;
  /** The month's first instant (UTC); null for aggregation_run_older. */
  from: Date | null;
  to: Date;
}

const OLDER = 'aggregation_run_older';

type Query = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The attached partitions, oldest first (the partition bound as PostgreSQL states it). */
export async function runPartitions(query: Query): Promise<RunPartition[]> {
  const rows = await query(
    `SELECT c.relname AS name,
            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'FROM \\(''([^'']+)''\\)'))[1]::timestamptz AS "from",
            (regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''([^'']+)''\\)'))[1]::timestamptz AS "to"
       FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
      WHERE h.inhparent = 'aggregation_run'::regclass`,
  );
  const parsed = rows.map((r) => ({ name: String(r.name), from: (r.from as Date | null) ?? null, to: r.to as Date }));
  return parsed.sort((a, b) => a.to.getTime() - b.to.getTime());
}

/** The first instant (UTC) of `yyyy-mm`, or null when it is no month. */
export function monthStart(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

/** Runs a maintenance step on one connection without the hub's statement timeout (a concurrent detach waits for every older transaction). */
async function onOneConnection<T>(ds: DataSource, work: (query: Query) => Promise<T>): Promise<T> {
  const qr = ds.createQueryRunner();
  try {
    await qr.query(`SET statement_timeout = 0`);
    return await work((sql, params) => qr.query(sql, params));
  } finally {
    await qr.query(`RESET statement_timeout`).catch(() => undefined);
    await qr.release();
  }
}

/**
 * Detaches aggregation_run_older to give it other bounds. A concurrent detach leaves the old bound
 * behind as a CHECK constraint on the table, which would refuse the wider range: dropped.
 */
async function detachOlder(query: Query): Promise<void> {
  await query(`ALTER TABLE aggregation_run DETACH PARTITION ${OLDER} CONCURRENTLY`);
  const checks = await query(`SELECT conname FROM pg_constraint WHERE conrelid = '${OLDER}'::regclass AND contype = 'c'`);
  for (const c of checks) await query(`ALTER TABLE ${OLDER} DROP CONSTRAINT "${String(c.conname)}"`);
}

/** aggregation_run_older again, for everything before `boundary` (its rows must all be earlier). */
async function moveOlder(query: Query, boundary: Date): Promise<void> {
  await detachOlder(query);
  await query(`ALTER TABLE aggregation_run ATTACH PARTITION ${OLDER} FOR VALUES FROM (MINVALUE) TO ('${boundary.toISOString()}')`);
}

export interface Detached {
  detached: string[];
  dropped: boolean;
  /** aggregation_run_older's new bound: runs before it are kept there. */
  olderBefore: string;
}

/**
 * Detaches every month before `before` (DETACH PARTITION … CONCURRENTLY: ingest and reads go on),
 * then moves aggregation_run_older up to `before`, so that a run of a detached month reported late
 * still has a partition. The platform's keys of the detached runs stay in aggregation_run_key, so a
 * late replay is still recognised as a duplicate. Without `drop` the detached months stay as plain
 * tables (to archive with pg_dump, then drop).
 */
export async function detachRunMonths(ds: DataSource, before: Date, drop: boolean): Promise<Detached> {
  return onOneConnection(ds, async (query) => {
    const months = (await runPartitions(query)).filter((p) => p.from && p.to.getTime() <= before.getTime());
    for (const p of months) {
      await query(`ALTER TABLE aggregation_run DETACH PARTITION ${p.name} CONCURRENTLY`);
      if (drop) await query(`DROP TABLE ${p.name}`);
    }
    const older = (await runPartitions(query)).find((p) => p.name === OLDER);
    if (older && older.to.getTime() < before.getTime()) await moveOlder(query, before);
    return { detached: months.map((p) => p.name), dropped: drop, olderBefore: (older && older.to > before ? older.to : before).toISOString() };
  });
}

/** Monthly partitions back to `month`: aggregation_run_older's runs from `month` on move into them (for loading history). */
export async function extendRunMonthsBack(ds: DataSource, month: Date): Promise<void> {
  await onOneConnection(ds, async (query) => {
    const older = (await runPartitions(query)).find((p) => p.name === OLDER);
    if (!older || older.to.getTime() <= month.getTime()) return;
    await detachOlder(query);
    await query(`SELECT aggregation_run_partition(m) FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 month') m`, [
      month.toISOString(),
      older.to.toISOString(),
    ]);
    await query(`WITH moved AS (DELETE FROM ${OLDER} WHERE ran_at >= $1 RETURNING *) INSERT INTO aggregation_run SELECT * FROM moved`, [month.toISOString()]);
    await query(`ALTER TABLE aggregation_run ATTACH PARTITION ${OLDER} FOR VALUES FROM (MINVALUE) TO ('${month.toISOString()}')`);
  });
}
