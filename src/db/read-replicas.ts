/**
 * Reads on PostgreSQL streaming replicas (DATABASE_REPLICA_URLS), writes on the primary.
 *
 * One pg pool per replica, with the primary pool's options (ListeningClient, statement timeout).
 * Which server a statement goes to is the request's read route (an AsyncLocalStorage store): the
 * HTTP layer sets a replica on the route of a GraphQL query once it knows the operation, and every
 * connection TypeORM takes for that request (services, DataLoaders, raw queries, transactions) then
 * comes from that replica's pool. Without a route, or with no replica on it, connections come from
 * the primary; `mutate()` always runs on the primary (`onPrimary`) and, after its commit, reports
 * the primary's WAL position (`recordCommit`), which the HTTP layer hands back to the caller so
 * that the caller's next reads go to a replica only once it has replayed that far.
 *
 * A poller checks every replica (reachable? a standby? replayed how far?) every REPLICA_CHECK_MS;
 * a replica that is down, not a standby, or more than REPLICA_MAX_LAG_MS behind is not chosen, and
 * a replica whose connection fails is dropped at once: the request reads from the primary instead.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { poolOptions } from './pool';
import { classifyDatabaseError } from './db-errors';

/** A WAL position `X/Y` (two hexadecimal numbers of at most 32 bits) as one number; null when it is not one. */
export function parseLsn(text: unknown): bigint | null {
  if (typeof text !== 'string' || !/^[0-9A-Fa-f]{1,8}\/[0-9A-Fa-f]{1,8}$/.test(text)) return null;
  const [hi, lo] = text.split('/');
  return (BigInt(`0x${hi}`) << 32n) | BigInt(`0x${lo}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export type ReplicaState = 'unchecked' | 'up' | 'lagging' | 'down' | 'not a standby';

export interface ReplicaStatus {
  /** `replica 1`, `replica 2`, … in the order of DATABASE_REPLICA_URLS. */
  name: string;
  /** Host, port and database, without credentials. */
  where: string;
  state: ReplicaState;
  /** How far it has replayed the primary's WAL. */
  replayLsn: string | null;
  /** How long ago the primary had written what the replica has not replayed yet (0: nothing), at the last check. */
  lagMs: number | null;
  checkedAt: string | null;
  error?: string;
}

export class Replica {
  state: ReplicaState = 'unchecked';
  replayLsn: bigint | null = null;
  lagMs: number | null = null;
  checkedAt: Date | null = null;
  error: string | null = null;

  constructor(
    readonly name: string,
    readonly where: string,
    readonly pool: Pool,
  ) {}

  /** Replay positions only grow (a newer answer may arrive before an older one). */
  replayed(lsn: bigint): void {
    if (this.replayLsn === null || lsn > this.replayLsn) this.replayLsn = lsn;
  }
}

/** Where the statements of one request go. */
export interface ReadRoute {
  /** The replica this request reads from; null: the primary. */
  replica: Replica | null;
  /** The WAL position the caller must find on a replica before reading from it (their last write's); null: any replica. */
  after: bigint | null;
  /** Never a replica for this request (set when a replica failed it and it runs again on the primary). */
  primaryOnly?: boolean;
  /** Told after a write of the request committed, with the caller's id (null: anonymous). */
  afterCommit?: (callerId: string | null) => Promise<void>;
}

const routing = new AsyncLocalStorage<ReadRoute>();

/** Runs a request's work under its read route. */
export const runRouted = <T>(route: ReadRoute, work: () => T): T => routing.run(route, work);

/** The read route of the request being served, if any. */
export const currentRoute = (): ReadRoute | undefined => routing.getStore();

/** Runs `work` on the primary whatever the request's route: every read and write of a mutation's transaction. */
export function onPrimary<T>(work: () => T): T {
  const route = routing.getStore();
  return route?.replica ? routing.run({ ...route, replica: null }, work) : work();
}

/** After a write committed (outside any enclosing transaction): lets the request's route record the primary's WAL position for the caller. */
export async function recordCommit(callerId: string | null): Promise<void> {
  await routing.getStore()?.afterCommit?.(callerId);
}

type Connection = [PoolClient, (err?: unknown) => void];
interface PostgresDriverLike {
  obtainMasterConnection(): Promise<Connection>;
}

const redact = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'replica';
  }
};

export interface ReadReplicaOptions {
  poolSize: number;
  statementTimeoutMs: number;
  poolWaitMs: number;
  maxLagMs: number;
  checkMs: number;
  log: Logger;
}

/** The replicas of one primary DataSource, their pools, their poller, and the choice of one per request. */
export class ReadReplicas {
  readonly replicas: Replica[];
  private readonly primaryConnection: () => Promise<Connection>;
  private readonly driver: PostgresDriverLike;
  /** The primary's WAL position at each check, oldest first: what a replica's lag is measured against. */
  private history: { at: number; lsn: bigint }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private next = 0;

  constructor(
    private readonly ds: DataSource,
    urls: string[],
    private readonly options: ReadReplicaOptions,
  ) {
    this.replicas = urls.map((url, i) => {
      const pool = new Pool({ connectionString: url, ...poolOptions(options) });
      // An idle connection the server ends raises 'error' on the pool: the replica is checked again, nothing crashes.
      pool.on('error', () => undefined);
      return new Replica(`replica ${i + 1}`, redact(url), pool);
    });
    // Every connection TypeORM takes from the primary DataSource asks here first.
    this.driver = ds.driver as unknown as PostgresDriverLike;
    const primary = this.driver.obtainMasterConnection.bind(this.driver);
    this.primaryConnection = primary;
    this.driver.obtainMasterConnection = () => this.connection();
  }

  /** Checks every replica once (before the hub serves), then keeps checking in the background. */
  async start(): Promise<void> {
    await this.check();
    for (const r of this.replicas) {
      if (r.state !== 'up') this.options.log.warn({ replica: r.name, where: r.where, state: r.state, error: r.error }, 'read replica not used for now');
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule());
    }, this.options.checkMs);
    this.timer.unref();
  }

  private async connection(): Promise<Connection> {
    const route = routing.getStore();
    const replica = route?.replica;
    if (!route || !replica || !this.replicas.includes(replica)) return this.primaryConnection();
    try {
      const client = await replica.pool.connect();
      return [client, (err?: unknown) => client.release(err as Error | undefined)];
    } catch (err) {
      // Down (or its pool full): this request reads from the primary, never fails for it.
      if (classifyDatabaseError(err)?.code === 'DATABASE_UNAVAILABLE') this.failed(replica, err);
      route.replica = null;
      return this.primaryConnection();
    }
  }

  /** A replica that failed a statement or a connection: not chosen until a check finds it well again. */
  failed(replica: Replica, err: unknown): void {
    if (replica.state !== 'down')
      this.options.log.warn({ replica: replica.name, where: replica.where, err: (err as Error)?.message }, 'read replica down: reading from the primary');
    replica.state = 'down';
    replica.error = String((err as Error)?.message ?? err);
  }

  /** The primary's WAL position now (after a commit: at or past the commit's record). */
  async primaryLsn(): Promise<bigint> {
    const rows: { lsn: string }[] = await routing.exit(() => this.ds.query('SELECT pg_current_wal_lsn()::text AS lsn'));
    const lsn = parseLsn(rows[0]?.lsn);
    if (lsn === null) throw new Error(`unexpected WAL position ${rows[0]?.lsn}`);
    return lsn;
  }

  /**
   * The replica a request reads from, round robin among the usable ones; for a caller who wrote
   * recently (`after`), only one that has replayed that far (asked again when the last check is
   * behind); null: the primary.
   */
  async choose(after: bigint | null): Promise<Replica | null> {
    const usable = this.replicas.filter((r) => r.state === 'up');
    if (!usable.length) return null;
    const start = this.next++ % usable.length;
    for (let i = 0; i < usable.length; i++) {
      const r = usable[(start + i) % usable.length];
      if (after === null || (r.replayLsn !== null && r.replayLsn >= after)) return r;
      try {
        const { rows } = await r.pool.query<{ lsn: string | null }>('SELECT pg_last_wal_replay_lsn()::text AS lsn');
        const lsn = parseLsn(rows[0]?.lsn);
        if (lsn !== null) r.replayed(lsn);
        if (lsn !== null && lsn >= after) return r;
      } catch (err) {
        if (classifyDatabaseError(err)?.code === 'DATABASE_UNAVAILABLE') this.failed(r, err);
      }
    }
    return null;
  }

  /** One round of checks: the primary's position, then each replica's state, replay position and lag. */
  async check(): Promise<void> {
    const now = Date.now();
    try {
      this.history.push({ at: now, lsn: await this.primaryLsn() });
    } catch {
      /* the primary is unreachable: lags are measured against what was seen before */
    }
    // Enough history to tell a lag of REPLICA_MAX_LAG_MS (and a little more) from a larger one.
    const keepFrom = now - this.options.maxLagMs - 3 * this.options.checkMs - 1000;
    while (this.history.length > 1 && this.history[1].at <= keepFrom) this.history.shift();
    await Promise.all(this.replicas.map((r) => this.checkReplica(r)));
  }

  private async checkReplica(r: Replica): Promise<void> {
    const was = r.state;
    try {
      const { rows } = await r.pool.query<{ standby: boolean; lsn: string | null }>(
        'SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn',
      );
      const now = Date.now();
      r.checkedAt = new Date(now);
      r.error = null;
      const lsn = parseLsn(rows[0]?.lsn);
      if (!rows[0]?.standby || lsn === null) {
        r.state = 'not a standby';
        r.error = 'pg_is_in_recovery() is false: not a streaming replica of the primary (promoted?)';
      } else {
        r.replayed(lsn);
        r.lagMs = this.lagOf(r.replayLsn ?? lsn, now);
        r.state = r.lagMs > this.options.maxLagMs ? 'lagging' : 'up';
      }
    } catch (err) {
      r.checkedAt = new Date();
      r.state = 'down';
      r.error = String((err as Error)?.message ?? err);
    }
    if (was !== r.state && was !== 'unchecked')
      this.options.log.warn({ replica: r.name, where: r.where, from: was, to: r.state, lagMs: r.lagMs }, 'read replica state changed');
  }

  /**
   * How long ago the primary first had WAL the replica has not replayed: the time of the oldest
   * check whose primary position lies past the replica's. The replica misses nothing older than
   * this plus one check interval. 0 when it has replayed everything seen; Infinity when it is
   * behind even the oldest position kept (more than REPLICA_MAX_LAG_MS, or, just after the start,
   * unknown: not read from until it catches up with one).
   */
  private lagOf(replay: bigint, now: number): number {
    const behind = this.history.findIndex((s) => s.lsn > replay);
    if (behind === -1) return 0;
    return behind === 0 ? Infinity : now - this.history[behind].at;
  }

  /** For /readyz. */
  status(): ReplicaStatus[] {
    return this.replicas.map((r) => ({
      name: r.name,
      where: r.where,
      state: r.state,
      replayLsn: r.replayLsn === null ? null : formatLsn(r.replayLsn),
      lagMs: r.lagMs === null || Number.isFinite(r.lagMs) ? r.lagMs : null,
      checkedAt: r.checkedAt?.toISOString() ?? null,
      ...(r.error ? { error: r.error } : {}),
    }));
  }

  /**
   * How long a caller's last write keeps their reads off any replica that has not replayed it: by
   * then every replica still chosen has replayed it (its lag is at most REPLICA_MAX_LAG_MS at a
   * check at most REPLICA_CHECK_MS old, measured to within one more interval), with 5 s to spare.
   */
  get readAfterTtlMs(): number {
    return this.options.maxLagMs + 2 * this.options.checkMs + 5000;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.driver.obtainMasterConnection = this.primaryConnection;
    await Promise.all(this.replicas.map((r) => r.pool.end().catch(() => undefined)));
  }
}
