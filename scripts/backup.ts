/**
 * `npm run backup -- DIR`: a consistent copy of the embedded database (EMBEDDED_PG_DIR), taken while
 * the hub runs, into DIR (empty or absent). On a PostgreSQL server of your own (DATABASE_URL), use
 * pg_dump as the README says.
 */
import path from 'node:path';
import { loadConfig } from '../src/config';
import { backupEmbedded, BackupRefused } from '../src/db/backup';

async function run(): Promise<number> {
  const dir = process.argv[2];
  if (!dir) throw new BackupRefused('usage: npm run backup -- DIR');
  const config = loadConfig();
  if (config.databaseUrl) throw new BackupRefused('DATABASE_URL is set: back up that server with pg_dump (README, "Backups")');
  const target = path.resolve(process.env.INIT_CWD ?? '.', dir);
  const manifest = await backupEmbedded(config.embeddedPgDir, target, (line) => console.error(line));
  console.log(`backup of ${config.embeddedPgDir} in ${target}: consistent as of ${manifest.startedAt}`);
  return 0;
}

run().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(err instanceof BackupRefused ? err.message : `backup failed: ${err.message}`);
    process.exit(1);
  },
);
