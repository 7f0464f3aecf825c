/** The pg pool settings of every pool of the hub (the primary's, each read replica's); imports nothing of the hub. */
import { Client } from 'pg';

/**
 * A pooled connection that is never without an 'error' listener. pg's pool listens only while a
 * connection is idle, and TypeORM adds none to a checked-out one, so a server that ends a backend
 * while a transaction holds it (a restart, pg_terminate_backend) would otherwise raise an unhandled
 * 'error' event and end the process. The query in flight fails on its own and is classified as
 * DATABASE_UNAVAILABLE; the pool drops the broken connection when it is released.
 */
export class ListeningClient extends Client {
  constructor(config?: ConstructorParameters<typeof Client>[0]) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * The options of every pool of the hub (pg.Pool's), the primary's and each read replica's alike:
 * connections that always listen for 'error', the same timeouts and settings.
 */
export function poolOptions({ poolSize, statementTimeoutMs, poolWaitMs }: { poolSize: number; statementTimeoutMs: number; poolWaitMs: number }) {
  return {
    Client: ListeningClient,
    max: poolSize,
    application_name: 'catalogue-hub',
    connectionTimeoutMillis: poolWaitMs,
    // A dead server must not hold a request for the kernel's TCP timeout.
    keepAlive: true,
    // JIT compiles a plan in ~0.4 s once its estimated cost is high, which the completeness
    // statements' estimates often are, while they run in tens of milliseconds: never worth it here.
    // statement_timeout bounds every statement, and a transaction left idle is ended after twice that.
    options: `-c jit=off -c statement_timeout=${statementTimeoutMs} -c idle_in_transaction_session_timeout=${statementTimeoutMs * 2}`,
  };
}
