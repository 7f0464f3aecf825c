/**
 * Backups of the embedded PostgreSQL, taken while the hub runs. The embedded binaries ship no
 * pg_dump or pg_basebackup, so this is PostgreSQL's own low-level base backup: a physical
 * replication slot keeps the WAL from the start on, `pg_backup_start` marks the start, the data
 * folder is copied file by file while the server writes on, `pg_backup_stop` returns the
 * backup_label, and the WAL written meanwhile is copied after it. Starting PostgreSQL on a restored
 * copy replays that WAL up to the backup's end: every transaction committed before the backup began
 * is there, consistent, and none is half there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbedded } from './embedded';

export const MANIFEST = 'catalogue-hub-backup.json';

export interface BackupManifest {
  format: 1;
  /** ISO instant at which pg_backup_start returned: every write acknowledged before it is in the copy. */
  startedAt: string;
  finishedAt: string;
  startLsn: string;
  stopLsn: string;
  pgVersion: string;
  files: number;
  bytes: number;
}

/** Copied empty (their contents are rebuilt at start or must not be restored), per PostgreSQL's backup docs. */
const EMPTY_DIRS = new Set(['pg_wal', 'pg_replslot', 'pg_stat_tmp', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_subtrans']);
const SKIP_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map', 'backup_label.old']);

export class BackupRefused extends Error {}

function isEmptyOrAbsent(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}

/** Copies a tree; files that vanish while copied (a table dropped meanwhile) are skipped: WAL replay settles them. */
function copyTree(from: string, to: string, top: boolean, totals: { files: number; bytes: number }): void {
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      if (top && EMPTY_DIRS.has(entry.name)) fs.mkdirSync(dst, { recursive: true, mode: 0o700 });
      else copyTree(src, dst, false, totals);
    } else if (entry.isFile()) {
      if (top && SKIP_FILES.has(entry.name)) continue;
      try {
        fs.copyFileSync(src, dst);
        totals.files++;
        totals.bytes += fs.statSync(dst).size;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
}

/** Gives the copy the owner of the folder it was taken from (the embedded server runs as `postgres` under root). */
function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, uid, gid);
    else fs.chownSync(p, uid, gid);
  }
}

const asRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Takes a consistent copy of the embedded database in `dataDir` into `target` (which must be empty
 * or absent), attaching to the running server or starting it for the time of the copy.
 */
export async function backupEmbedded(dataDir: string, target: string, progress: (line: string) => void = () => undefined): Promise<BackupManifest> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupRefused(`no embedded database in ${dataDir}`);
  if (!isEmptyOrAbsent(target)) throw new BackupRefused(`the backup folder ${target} is not empty`);
  const server = await startEmbedded(dataDir);
  const client = new Client({ connectionString: server.url, application_name: 'catalogue-hub backup' });
  client.on('error', () => undefined);
  const slot = `hub_backup_${process.pid}_${Date.now()}`;
  const totals = { files: 0, bytes: 0 };
  try {
    await client.connect();
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_create_physical_replication_slot($1, true)', [slot]);
    try {
      const started = await client.query<{ lsn: string }>(`SELECT pg_backup_start('catalogue-hub', true)::text AS lsn`);
      const startedAt = new Date().toISOString();
      progress(`backup started at ${started.rows[0].lsn}`);
      let stopped: { lsn: string; labelfile: string; spcmapfile: string | null };
      try {
        copyTree(dataDir, target, true, totals);
      } finally {
        // Ends the backup even when the copy failed, so that the server is not left in backup mode.
        stopped = (await client.query(`SELECT lsn::text AS lsn, labelfile, spcmapfile FROM pg_backup_stop(false)`)).rows[0];
      }
      fs.writeFileSync(path.join(target, 'backup_label'), stopped.labelfile);
      if (stopped.spcmapfile) fs.writeFileSync(path.join(target, 'tablespace_map'), stopped.spcmapfile);
      // The segment holding the backup's end is closed, so that the copy below holds the end record whole.
      await client.query('SELECT pg_switch_wal()');
      copyTree(path.join(dataDir, 'pg_wal'), path.join(target, 'pg_wal'), false, totals);
      const manifest: BackupManifest = {
        format: 1,
        startedAt,
        finishedAt: new Date().toISOString(),
        startLsn: started.rows[0].lsn,
        stopLsn: stopped.lsn,
        pgVersion: fs.readFileSync(path.join(dataDir, 'PG_VERSION'), 'utf8').trim(),
        files: totals.files,
        bytes: totals.bytes,
      };
      fs.writeFileSync(path.join(target, MANIFEST), JSON.stringify(manifest, null, 2));
      if (asRoot()) {
        const { uid, gid } = fs.statSync(dataDir);
        chownTree(target, uid, gid);
      }
      progress(`backup finished at ${stopped.lsn}: ${totals.files} files, ${(totals.bytes / 1048576).toFixed(1)} MiB`);
      return manifest;
    } finally {
      await client.query('SELECT pg_drop_replication_slot($1)', [slot]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
    await server.stop();
  }
}

/** Restores a backup into `dataDir` (empty or absent). The hub started on it replays the WAL and serves. */
export function restoreEmbedded(backupDir: string, dataDir: string): BackupManifest {
  const manifestPath = path.join(backupDir, MANIFEST);
  if (!fs.existsSync(manifestPath) || !fs.existsSync(path.join(backupDir, 'backup_label'))) {
    throw new BackupRefused(`${backupDir} is not a catalogue-hub backup (no ${MANIFEST} or backup_label)`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new BackupRefused(`backup format ${String(manifest.format)} is not known to this hub`);
  if (!isEmptyOrAbsent(dataDir)) throw new BackupRefused(`the data folder ${dataDir} is not empty: restore into a new folder, or move this one away first`);
  const totals = { files: 0, bytes: 0 };
  copyTree(backupDir, dataDir, false, totals);
  fs.rmSync(path.join(dataDir, MANIFEST));
  fs.chmodSync(dataDir, 0o700);
  if (asRoot()) {
    const { uid, gid } = fs.statSync(path.join(backupDir, 'PG_VERSION'));
    chownTree(dataDir, uid, gid);
  }
  return manifest;
}
