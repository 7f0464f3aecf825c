/** config → database → schema → HTTP server. */
import 'reflect-metadata';
import { Config, ConfigError, loadConfig } from './config';
import { DatabaseUnavailable, openDatabase, SchemaTooNew, withStartupLock } from './db/database';
import { startHub } from './http/server';
import { createLogger } from './logger';
import { createServices } from './services';
import { NotificationWorker } from './modules/notification';
import { databaseIsEmpty, seedDemo } from '../seeds/demo';
import { seedDemoUsers } from '../seeds/users';
import { withLocalSecrets } from './db/local-secrets';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`configuration error: ${err.message}`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config);

  let db;
  try {
    db = await openDatabase(config, log, {
      migrate: config.runMigrations,
      onEmbeddedLost: (err) => {
        log.fatal({ err: err.message }, 'embedded PostgreSQL stopped and cannot be started again');
        console.error(`catalogue-hub stops: the embedded PostgreSQL in ${config.embeddedPgDir} stopped and does not start again (${err.message})`);
        process.exit(5);
      },
    });
  } catch (err) {
    if (err instanceof DatabaseUnavailable) {
      log.fatal(`database unavailable: ${err.message}`);
      process.exit(3);
    }
    if (err instanceof SchemaTooNew) {
      log.fatal(err.message);
      console.error(`catalogue-hub refuses to start: ${err.message}`);
      process.exit(4);
    }
    throw err;
  }
  log.info({ database: db.where, embedded: db.embedded }, 'database ready');

  // Outside production without JWT_SECRET, the token key is the data folder's own random one.
  config = withLocalSecrets(config);
  if (!config.jwtSecret) log.warn('JWT_SECRET is not set: the hub issues no access tokens of its own (single sign-on and console sessions only)');
  const services = createServices(db.ds, config);
  // The audit log's coming monthly partitions, and its change capture on every table.
  for (const problem of await services.audit.prepare()) log.warn({ problem }, 'audit log not prepared');
  // The run history's monthly partitions, made ahead (and the default partition's months split out).
  for (const problem of await services.aggregation.prepare()) log.warn({ problem }, 'aggregation run partitions not prepared');
  // The working-day calendar: the data file's years the database lacks, then the database's years into memory.
  const calendarYears = await services.workingCalendar.load();
  log.info({ calendarYears }, 'working-day calendar loaded');
  const refreshed = await services.sharingRequests.refreshDueDates();
  if (refreshed) log.info({ refreshed }, 'sharing-request due dates recomputed from the working-day calendar');
  let demoUsers: Awaited<ReturnType<typeof seedDemoUsers>> = [];
  // Under the start-up lock, so that of two hubs starting on one empty database only one seeds.
  const seeded = config.seedDemo && (await withStartupLock(db.ds, async () => (await databaseIsEmpty(db.ds)) && (await seedDemo(db.ds, config))));
  if (seeded) {
    log.info(seeded, 'demo district loaded');
    demoUsers = await seedDemoUsers(db.ds);
  }

  const hub = await startHub({ config, ds: db.ds, services, log, replicas: db.replicas });
  // Reminders: webhook and e-mail delivery, and the daily round (one instance at a time, by advisory lock).
  const worker = config.notifyWorker
    ? new NotificationWorker(db.ds, config, services.clock, log, [
        services.deadlines.reminders,
        services.audit.dailyPartitions,
        services.aggregation.dailyPartitions,
      ])
    : null;
  worker?.start();
  log.info({ url: `${hub.url}/graphql` }, 'catalogue-hub listening');
  if (demoUsers.length) {
    // Shown this once: the hub keeps only their scrypt hashes.
    const lines = demoUsers.map((u) => `  ${u.role.padEnd(21)} ${u.login.padEnd(9)} ${u.password}   ${u.name}`);
    process.stdout.write(
      `\nDemo users (shown once; sign in at ${hub.url}/console/ or with the sessionCreate mutation; \`npm run token -- --role <ROLE>\` prints a token)\n` +
        `  ${'role'.padEnd(21)} ${'login'.padEnd(9)} password\n${lines.join('\n')}\n\n`,
    );
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error({ shutdownTimeoutMs: config.shutdownTimeoutMs }, 'shutdown timed out: exiting with requests still in flight');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    try {
      await hub.stop();
      await worker?.stop();
      await db.close();
      clearTimeout(timer);
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: Error) => {
  console.error(`catalogue-hub failed to start: ${err.message}`);
  process.exit(1);
});
