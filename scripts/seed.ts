/** `npm run seed`: loads the demo district into the configured database (idempotent). */
import 'reflect-metadata';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { seedDemo } from '../seeds/demo';

async function run() {
  const config = loadConfig();
  const log = createLogger(config);
  const db = await openDatabase(config, log, { migrate: true });
  try {
    const report = await seedDemo(db.ds, config);
    console.log(
      `seeded ${db.where}: ${report.organizations} new organisations, ${report.projects} projects, ${report.resources} resources, ${report.runs} aggregation runs, ${report.acceptances} acceptances`,
    );
  } finally {
    await db.close();
  }
}

run().catch((err: Error) => {
  console.error(`seed failed: ${err.message}`);
  process.exit(1);
});
