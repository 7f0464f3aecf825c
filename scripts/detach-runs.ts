/**
 * `npm run runs:detach -- --before 2025-07 [--drop]`: detaches the run history's months before the
 * given one (DETACH PARTITION … CONCURRENTLY: ingest and reads go on meanwhile) and moves
 * `aggregation_run_older` up to it, so that a run of those months reported late still has a home.
 * The platform's idempotency keys stay, so a late replay of a detached run is still a duplicate.
 * Without --drop the detached months stay as plain tables (archive them with pg_dump, then drop).
 * The month must lie before the current one (UTC). Uses DATABASE_URL like the hub.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { detachRunMonths, monthStart } from '../src/modules/aggregation';

async function run() {
  const { values } = parseArgs({ options: { before: { type: 'string' }, drop: { type: 'boolean', default: false } } });
  const before = monthStart(values.before ?? '');
  if (!before) throw new Error('--before must be a month, yyyy-mm (the first month kept)');
  const now = new Date();
  if (before.getTime() > Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)) throw new Error('--before may not lie after the current month');
  const db = await openDatabase(loadConfig(), createLogger({ logLevel: 'silent' }), { migrate: false });
  try {
    const done = await detachRunMonths(db.ds, before, values.drop ?? false);
    console.log(JSON.stringify(done, null, 2));
  } finally {
    await db.close();
  }
}

run().catch((err: Error) => {
  console.error(`runs:detach: ${err.message}`);
  process.exit(1);
});
