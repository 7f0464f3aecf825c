/**
 * Backups of the embedded PostgreSQL (issue "Resilience"): a backup taken while writers create
 * entries, restored into a new folder, serves a hub that finds every entry acknowledged before the
 * backup began, each whole (its data items with it). The scripts refuse what they cannot do.
 * The server here is Debian's PostgreSQL 15 on a folder of the spec's own (the embedded package's
 * ES module does not load inside Jest); `backupEmbedded` attaches to a running server on a folder
 * exactly as it does to the embedded one.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { systemClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { backupEmbedded, BackupRefused, MANIFEST, restoreEmbedded } from '../src/db/backup';
import { CREATE, insertProject, resourceInput } from './support/catalogue';
import { startTestHub, startTestHubOn, TestHub } from './support/hub';
import { startThrowawayPg, ThrowawayPg } from './support/throwaway-pg';

jest.setTimeout(300_000);

const execFileAsync = promisify(execFile);
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-backup-'));
const backupDir = path.join(root, 'backup');
const restoredDir = path.join(root, 'restored');
let server: ThrowawayPg;
let dataDir: string;
let restored: ThrowawayPg | undefined;
let hub: TestHub;

beforeAll(async () => {
  fs.chmodSync(root, 0o777);
  server = await startThrowawayPg();
  dataDir = server.dataDir;
  hub = await startTestHub({ LOG_LEVEL: 'error' }, 'organizations', systemClock, server.url);
});
afterAll(async () => {
  await hub?.close().catch(() => undefined);
  server?.destroy();
  restored?.destroy();
  fs.rmSync(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('a backup taken during writes restores into a new folder; a hub on it finds every entry acknowledged before the backup began, whole', async () => {
  const unit = await hub.token(Role.PROJECT_UNIT);
  const projectId = (await insertProject(hub.ds, 'education')).id;
  const acknowledged: { name: string; at: number }[] = [];
  let stop = false;
  let n = 0;
  const refused: unknown[] = [];
  const writers = Array.from({ length: 2 }, async () => {
    while (!stop) {
      const name = `backup-${++n}`;
      const res = await hub.gql(CREATE, { input: resourceInput(projectId, { name }) }, unit);
      if (res.data?.resourceCreate?.resource) acknowledged.push({ name, at: Date.now() });
      else refused.push(res);
    }
  });
  // The backup begins once writes are being acknowledged (a loaded machine may take seconds for the first).
  while (acknowledged.length < 3 && refused.length === 0) await sleep(100);
  expect(refused).toEqual([]);
  const backupBegan = Date.now();
  const manifest = await backupEmbedded(dataDir, backupDir);
  await sleep(500);
  stop = true;
  await Promise.all(writers);

  const before = acknowledged.filter((a) => a.at < backupBegan).map((a) => a.name);
  expect(before.length).toBeGreaterThan(0);
  expect(fs.existsSync(path.join(backupDir, 'backup_label'))).toBe(true);
  expect(fs.existsSync(path.join(backupDir, 'postmaster.pid'))).toBe(false);

  restoreEmbedded(backupDir, restoredDir);
  restored = await startThrowawayPg(restoredDir);
  const dbName = new URL(hub.config.databaseUrl!).pathname;
  const url = new URL(restored.url);
  url.pathname = dbName;
  const again = await startTestHubOn({ url: url.toString() }, { LOG_LEVEL: 'error' }, 'none');
  try {
    const rows: { name: string; items: number }[] = await again.ds.query(
      `SELECT r.name, (SELECT count(*)::int FROM data_item d WHERE d.resource_id = r.id) AS items
         FROM information_resource r WHERE r.name LIKE 'backup-%'`,
    );
    const present = new Map(rows.map((r) => [r.name, r.items]));
    expect(before.filter((name) => !present.has(name))).toEqual([]);
    // No entry is there without its data items (each was one transaction).
    expect(rows.filter((r) => r.items === 0)).toEqual([]);
    // Writes acknowledged during or after the copy may be there too (the WAL copied after the stop
    // holds what committed meanwhile); whatever is there is whole.
    const auditor = await again.token(Role.AUDITOR);
    const res = await again.gql(`{ resources(filter: { search: "backup" }, first: 1) { totalCount } }`, {}, auditor);
    expect(res.errors).toBeUndefined();
    expect(res.data.resources.totalCount).toBe(rows.length);
    console.log(
      `backup: ${manifest.files} files, ${(manifest.bytes / 1048576).toFixed(1)} MiB; ${before.length} entries acknowledged before it began, all restored; ${rows.length} restored in all`,
    );
  } finally {
    await again.close();
  }
});

it('refuses a folder that is not empty, a backup folder that is not a backup, and a restore over existing data', async () => {
  await expect(backupEmbedded(dataDir, backupDir)).rejects.toThrow(BackupRefused);
  await expect(backupEmbedded(path.join(root, 'nowhere'), path.join(root, 'b2'))).rejects.toThrow(/no embedded database/);
  const notBackup = fs.mkdtempSync(path.join(root, 'not-'));
  expect(() => restoreEmbedded(notBackup, path.join(root, 'r2'))).toThrow(new RegExp(`not a catalogue-hub backup \\(no ${MANIFEST}`));
  expect(() => restoreEmbedded(backupDir, dataDir)).toThrow(/is not empty/);
});

it('npm run backup / restore: the scripts say what they did, and refuse a DATABASE_URL with the pg_dump hint', async () => {
  const script = (name: string, args: string[], env: NodeJS.ProcessEnv) =>
    execFileAsync(process.execPath, [path.join(__dirname, '..', 'dist', 'scripts', `${name}.js`), ...args], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
  const target = path.join(root, 'by-script');
  const out = await script('backup', [target], { EMBEDDED_PG_DIR: dataDir, DATABASE_URL: '' });
  expect(out.stdout).toMatch(/consistent as of/);
  const into = path.join(root, 'restored-by-script');
  const res = await script('restore', [target], { EMBEDDED_PG_DIR: into, DATABASE_URL: '' });
  expect(res.stdout).toMatch(/restored .* into .*npm start/);
  await expect(script('backup', [path.join(root, 'x')], { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' })).rejects.toMatchObject({
    stderr: expect.stringMatching(/pg_dump/),
  });
});
