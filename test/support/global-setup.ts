/**
 * Picks the PostgreSQL server the specs use: TEST_DATABASE_URL, or else an embedded one started
 * here (in a throw-away data folder) and stopped in global-teardown. Each spec file then makes
 * its own database on that server.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded } from '../../src/db/embedded';

declare global {
  var __EMBEDDED_STOP__: (() => Promise<void>) | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-test-'));
  fs.chmodSync(dir, 0o777);
  const server = await startEmbedded(path.join(dir, 'pg'));
  process.env.TEST_DATABASE_URL = server.url;
  globalThis.__EMBEDDED_STOP__ = async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
