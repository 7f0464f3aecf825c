/**
 * `npm run bench:import`: imports generated catalogue workbooks over real HTTP into real PostgreSQL
 * (BENCH_DATABASE_URL names a server on which a throw-away database is made; unset → the embedded
 * PostgreSQL in a temporary folder) and reports rows/s and the peak RSS of the process, for a file of
 * BENCH_IMPORT_ROWS (10000) rows and one a quarter that size: with the streaming reader the peak
 * does not grow with the file. With BENCH_IMPORT_REIMPORT=1 it measures instead a full file written,
 * then the same file again (every row unchanged: nothing written) and the file with every row's
 * summary changed (every row updated), in one run: the unchanged re-import beside its peer.
 * Nothing is asserted.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { Client } from 'pg';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { startEmbedded } from '../src/db/embedded';
import { startHub } from '../src/http/server';
import { createLogger } from '../src/logger';
import { Role } from '../src/common/role.enums';
import { writeCatalogueWorkbook } from '../src/modules/exchange';
import { Organization } from '../src/modules/organization';
import { Project } from '../src/modules/project';
import { ProjectCategory, ProjectStatus } from '../src/modules/project';
import { createServices } from '../src/services';
import { seedOrganizations } from '../seeds/demo';
import { tokenFor } from '../seeds/tokens';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10000);

async function serverUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-hub-bench-'));
  fs.chmodSync(dir, 0o777);
  const server = await startEmbedded(path.join(dir, 'pg'));
  return { url: server.url, stop: async () => (await server.stop(), fs.rmSync(dir, { recursive: true, force: true })) };
}

/** A filled template of `rows` entries (each tenth with an interface), written by the hub's own workbook writer. */
async function workbook(file: string, rows: number, series: number, summary = '摘要'): Promise<void> {
  function* resources() {
    for (let i = 0; i < rows; i++) {
      const item = String(Math.floor(i / 1000) % 100).padStart(2, '0');
      const category = String(i % 1000).padStart(3, '0');
      const sub = String(series).padStart(3, '0');
      yield [
        '部门信息资源',
        item,
        category,
        sub,
        `基准资源${series}-${i}`,
        `3${item}${category}${sub}/000001`,
        '',
        `第 ${i} 条基准信息资源的${summary}`,
        '数据库',
        'PostgreSQL',
        '姓名:C:50；身份证号:C:18；出生日期:D；金额:Y:12；备注:M',
        '无条件共享',
        '',
        '共享平台·接口',
        '不予开放',
        '',
        '每日',
        '一般数据',
        '',
        '',
      ];
    }
  }
  function* interfaces() {
    for (let i = 0; i < rows; i += 10) {
      const item = String(Math.floor(i / 1000) % 100).padStart(2, '0');
      const category = String(i % 1000).padStart(3, '0');
      yield [`3${item}${category}${String(series).padStart(3, '0')}/000001`, 'REST 接口', `https://api.suqian.gov.cn/bench/${series}/${i}`, '实时'];
    }
  }
  const out = fs.createWriteStream(file);
  await writeCatalogueWorkbook(out, resources(), interfaces());
  await new Promise((r) => out.close(r));
}

interface Report {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  interfacesRegistered: number;
  errorCount: number;
  errors: unknown[];
}

function post(url: string, file: string, token: string): Promise<Report> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.on('error', reject);
    fs.createReadStream(file).pipe(req);
  });
}

async function main() {
  const server = await serverUrl();
  const dbName = `${process.env.BENCH_DB_PREFIX ?? 'hub_bench_'}${Date.now()}`;
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = new URL(server.url);
  url.pathname = `/${dbName}`;
  const config = {
    ...loadConfig({ NODE_ENV: 'test', IMPORT_MAX_ROWS: String(ROWS * 2), IMPORT_MAX_BYTES: String(512 * 1024 * 1024) }),
    jwtSecret: randomBytes(48),
    port: 0,
    databaseUrl: url.toString(),
  };
  const ds = createDataSource({ url: url.toString() });
  await ds.initialize();
  await ds.runMigrations();
  await seedOrganizations(ds);
  const services = createServices(ds, config);
  const hub = await startHub({ config, ds, services, log: createLogger(config) });
  const lead = await ds.getRepository(Organization).findOneOrFail({ where: {}, order: { name: 'ASC' } });
  const project = await ds.getRepository(Project).save(
    ds.getRepository(Project).create({
      code: 'SC-2027-9001',
      name: '导入基准项目',
      leadUnitId: lead.id,
      category: ProjectCategory.NEW,
      planYear: 2027,
      totalBudget: '800000.00',
      budgetYears: [],
      plan: {},
      status: ProjectStatus.APPROVED,
    }),
  );
  const token = (await tokenFor(ds, services.tokens, Role.PROJECT_UNIT, lead.creditCode)).token;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-import-bench-'));
  const results = [];
  try {
    const steps: (readonly [series: number, rows: number, dryRun: boolean, summary: string, step: string])[] = process.env.BENCH_IMPORT_REIMPORT
      ? [
          [3, ROWS, false, '摘要', 'full, written'],
          [3, ROWS, false, '摘要', 'same file again, unchanged'],
          [3, ROWS, false, '摘要（修改）', 'every row changed, updated'],
        ]
      : [
          [1, Math.round(ROWS / 4), false, '摘要', 'quarter, written'],
          [2, ROWS, true, '摘要', 'full, dry run'],
          [3, ROWS, false, '摘要', 'full, written'],
        ];
    for (const [series, rows, dryRun, summary, step] of steps) {
      const file = path.join(dir, `bench-${series}-${summary}.xlsx`);
      if (!fs.existsSync(file)) await workbook(file, rows, series, summary);
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      const t0 = process.hrtime.bigint();
      // The file is streamed as the request body (no client copy of it, no client timeout).
      const body = await post(`${hub.url}/catalogue/import?project=${project.code}${dryRun ? '&dryRun=true' : ''}`, file, token);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      clearInterval(sampler);
      // Anything but an import report (a refusal, an internal error) is the run's failure, not a figure.
      if (typeof body.rows !== 'number') throw new Error(`import failed: ${JSON.stringify(body).slice(0, 1000)}`);
      if (body.errorCount) throw new Error(`import failed: ${JSON.stringify(body.errors.slice(0, 3))}`);
      results.push({
        step,
        rows: body.rows,
        dryRun,
        fileMB: +(fs.statSync(file).size / 1048576).toFixed(2),
        seconds: +(ms / 1000).toFixed(1),
        rowsPerSecond: Math.round(body.rows / (ms / 1000)),
        created: body.created,
        updated: body.updated,
        unchanged: body.unchanged,
        interfaces: body.interfacesRegistered,
        baselineRssMB: Math.round(baseline / 1048576),
        peakRssMB: Math.round(peak / 1048576),
        growthMB: Math.round((peak - baseline) / 1048576),
      });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await hub.stop();
    await ds.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    await server.stop();
  }
  console.log(
    JSON.stringify(
      { machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, import: results },
      null,
      2,
    ),
  );
  console.table(results);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
