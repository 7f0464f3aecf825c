/**
 * `npm run import -- FILE --project CODE [--org <creditCode>] [--dry-run]`: imports a filled
 * catalogue template (.xlsx, or .csv in UTF-8 or GB18030) into a project of the configured database,
 * as a PROJECT_UNIT of --org (default: the project's lead unit), with a progress bar on stderr.
 * The same import as POST /catalogue/import: every row through the registration rules, nothing
 * written on any error. Run it with DATABASE_URL, or with the hub stopped (embedded PostgreSQL).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/database';
import { createLogger } from '../src/logger';
import { Role } from '../src/common/role.enums';
import { UploadRefused } from '../src/modules/exchange';
import { createServices } from '../src/services';

function bar(fraction: number, rows: number): string {
  const width = 30;
  const done = Math.round(Math.min(1, fraction) * width);
  return `\r[${'#'.repeat(done)}${'-'.repeat(width - done)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${rows} 行`;
}

async function run(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { project: { type: 'string' }, org: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const file = positionals[0] && path.resolve(process.env.INIT_CWD ?? '.', positionals[0]);
  if (!file || !values.project) throw new Error('usage: npm run import -- FILE --project CODE [--org <统一社会信用代码>] [--dry-run]');
  if (!fs.existsSync(file)) throw new Error(`no such file: ${file}`);
  const config = loadConfig();
  const log = createLogger({ logLevel: 'silent' });
  const db = await openDatabase(config, log, { migrate: false });
  try {
    const services = createServices(db.ds, config);
    const operator = { requestId: 'cli-import', log, caller: { userId: 'cli:import', organizationId: null, roles: [Role.ADMIN] } };
    const project = await services.projects.findOne(operator, { code: values.project });
    if (!project) throw new Error(`no project ${values.project}`);
    const org = values.org ? await services.organizations.findOne(operator, { creditCode: values.org }) : null;
    if (values.org && !org) throw new Error(`no organisation with credit code ${values.org}`);
    const ctx = { requestId: 'cli-import', log, caller: { userId: 'cli:import', organizationId: org?.id ?? project.leadUnitId, roles: [Role.PROJECT_UNIT] } };
    let fraction = 0;
    let rows = 0;
    const tty = process.stderr.isTTY;
    let last = 0;
    const draw = (force = false) => {
      const now = Date.now();
      if (!force && now - last < (tty ? 100 : 2000)) return;
      last = now;
      process.stderr.write(tty ? bar(fraction, rows) : `${bar(fraction, rows).slice(1)}\n`);
    };
    const report = await services.catalogueImport.importFile(
      ctx,
      values.project,
      { path: file, name: path.basename(file) },
      {
        dryRun: values['dry-run'],
        maxRows: config.importMaxRows,
        onBytes: (p) => ((fraction = p.totalBytes ? p.bytesRead / p.totalBytes : 1), draw()),
        onRow: (n) => ((rows = n), draw()),
      },
    );
    fraction = 1;
    draw(true);
    process.stderr.write('\n');
    const { errors, ...counts } = report;
    for (const e of errors)
      console.log(`${e.sheet} 第${e.row}行${e.column ? ` 「${e.column}」` : ''}: [${e.code}] ${e.message}${e.article ? `（${e.article}）` : ''}`);
    console.log(JSON.stringify(counts));
    if (report.errorCount) console.log(`${report.errorCount} 个错误，未写入任何内容`);
    else
      console.log(
        report.dryRun
          ? '检查通过（dry run，未写入）'
          : `已导入：新增 ${report.created}，更新 ${report.updated}，接口新增 ${report.interfacesRegistered}，接口更新 ${report.interfacesUpdated}`,
      );
    return report.errorCount ? 1 : 0;
  } finally {
    await db.close();
  }
}

run().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`import: ${err instanceof UploadRefused ? `[${err.code}] ` : ''}${err.message}`);
    process.exit(2);
  },
);
