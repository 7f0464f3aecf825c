/**
 * `npm run restore -- DIR`: puts a backup made by `npm run backup` into EMBEDDED_PG_DIR, which must
 * be empty or absent (move the old folder away first). `npm start` then replays the backup's WAL
 * and serves the data as of the moment the backup began.
 */
import path from 'node:path';
import { loadConfig } from '../src/config';
import { BackupRefused, restoreEmbedded } from '../src/db/backup';

function run(): number {
  const dir = process.argv[2];
  if (!dir) throw new BackupRefused('usage: npm run restore -- DIR');
  const config = loadConfig();
  if (config.databaseUrl) throw new BackupRefused('DATABASE_URL is set: restore that server with pg_restore (README, "Backups")');
  const source = path.resolve(process.env.INIT_CWD ?? '.', dir);
  const manifest = restoreEmbedded(source, config.embeddedPgDir);
  console.log(`restored ${source} into ${config.embeddedPgDir}: the data as of ${manifest.startedAt}; start the hub with npm start`);
  return 0;
}

try {
  process.exit(run());
} catch (err) {
  console.error(err instanceof BackupRefused ? err.message : `restore failed: ${(err as Error).message}`);
  process.exit(1);
}
