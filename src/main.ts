/** config → database → schema → HTTP server. */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { DatabaseUnavailable, openDatabase } from './db/database';
import { startHub } from './http/server';
import { createLogger } from './logger';
import { ALL_ROLES } from './common/role.enums';
import { createServices } from './services';
import { databaseIsEmpty, seedDemo } from '../seeds/demo';
import { tokenFor } from '../seeds/tokens';

async function main(): Promise<void> {
  let config;
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
    db = await openDatabase(config, log, { migrate: config.runMigrations });
  } catch (err) {
    if (err instanceof DatabaseUnavailable) {
      log.fatal(`database unavailable: ${err.message}`);
      process.exit(3);
    }
    throw err;
  }
  log.info({ database: db.where, embedded: db.embedded }, 'database ready');

  const services = createServices(db.ds, config);
  const refreshed = await services.sharingRequests.refreshDueDates();
  if (refreshed) log.info({ refreshed }, 'sharing-request due dates recomputed from the working-day calendar');
  let demoTokens: string[] = [];
  if (config.seedDemo && (await databaseIsEmpty(db.ds))) {
    const report = await seedDemo(db.ds, config);
    log.info(report, 'demo district loaded');
    demoTokens = await Promise.all(ALL_ROLES.map(async (role) => `  ${role.padEnd(21)} ${(await tokenFor(db.ds, services.tokens, role)).token}`));
  }

  const hub = await startHub({ config, ds: db.ds, services, log });
  log.info({ url: `${hub.url}/graphql` }, 'catalogue-hub listening');
  if (demoTokens.length) {
    process.stdout.write(`\nDemo tokens (12 h), send as "Authorization: Bearer <token>" to ${hub.url}/graphql\n${demoTokens.join('\n')}\n\n`);
  }

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown timed out');
      process.exit(1);
    }, 10_000);
    try {
      await hub.stop();
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
