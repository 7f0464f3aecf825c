/**
 * A hub over a throw-away database at district scale, for the benchmarks: BENCH_DATABASE_URL names
 * a server on which the database is made (unset → the embedded PostgreSQL in a temporary folder).
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbedded } from '../src/db/embedded';
import { Hub, startHub } from '../src/http/server';
import { createLogger } from '../src/logger';
import { Role } from '../src/common/role.enums';
import { createServices, Services } from '../src/services';
import { seedOrganizations } from '../seeds/demo';
import { tokenFor } from '../seeds/tokens';
import { demoPassword, demoUser } from '../seeds/users';
import { generate, Scale } from './generate';

export const n = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-bench-'));
  fs.chmodSync(dir, 0o777);
  const server = await startEmbedded(path.join(dir, 'pg'));
  return { url: server.url, stop: async () => (await server.stop(), fs.rmSync(dir, { recursive: true, force: true })) };
}

export interface District {
  hub: Hub;
  ds: DataSource;
  services: Services;
  counts: { resources: number; interfaces: number; runs: number };
  generatedMs: number;
  token(role: Role): Promise<string>;
  /** The demo user of `role` with a fresh password, to sign in to the console with. */
  credentials(role: Role): Promise<{ login: string; password: string }>;
  close(): Promise<void>;
}

/** The demo organisations and `scale` generated projects, resources, interfaces and runs, behind a listening hub. */
export async function districtHub(scale: Scale): Promise<District> {
  const server = await serverUrl();
  const dbName = `hub_bench_${Date.now()}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;

  const config = { ...loadConfig({ NODE_ENV: 'test' }), jwtSecret: randomBytes(48), port: 0, databaseUrl: url.toString() };
  // BENCH_QUERY_TIMEOUT (ms, default the hub's 5000): generating the district on a loaded machine can take longer.
  const ds = createDataSource({ url: url.toString(), statementTimeoutMs: n('BENCH_QUERY_TIMEOUT', 5000) });
  await ds.initialize();
  await ds.runMigrations();
  await seedOrganizations(ds);
  const t0 = Date.now();
  const counts = await generate(ds, scale);
  const generatedMs = Date.now() - t0;

  const services = createServices(ds, config);
  const hub = await startHub({ config, ds, services, log: createLogger(config) });
  return {
    hub,
    ds,
    services,
    counts,
    generatedMs,
    token: async (role) => (await tokenFor(ds, services.tokens, role)).token,
    async credentials(role) {
      const { user } = await demoUser(ds, role);
      return { login: user.login, password: await demoPassword(ds, user) };
    },
    async close() {
      await hub.stop();
      await ds.destroy();
      await admin.query(`DROP DATABASE ${dbName} WITH (FORCE)`);
      await admin.end();
      await server.stop();
    },
  };
}

export function machine(): string {
  const cpu = os.cpus();
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${load}`;
}
