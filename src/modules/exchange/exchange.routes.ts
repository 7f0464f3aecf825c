import type { IncomingMessage, ServerResponse } from 'node:http';
import { stringify } from 'csv-stringify';
import { GraphQLError } from 'graphql';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { RequestContext } from '../../common/request-context';
import type { ResourceService } from '../catalogue';
import type { CatalogueImportService } from './catalogue-import.service';
import { exportEntries, filterFromQuery, interfaceRows, resourceRow } from './catalogue-export';
import { writeCatalogueWorkbook } from './catalogue-workbook';
import { RESOURCE_COLUMNS } from './columns';
import { UploadRefused } from './sheet-reader';
import { saveUpload } from './upload';
import { DcatExport, toTurtle } from './dcat';
import { completenessFilter, ReportDeps, completenessReport, writeDossier } from './reports';
import { hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { OVERSIGHT_ROLES } from '../project';
import type { ImportRefusal } from './import-report';

/** An upload refused as a whole, in the shape the console reads (import-report.ts). */
const refusal = (error: ImportRefusal['error']): ImportRefusal => ({ error });

export interface ExchangeRouteDeps extends ReportDeps {
  ds: DataSource;
  config: Pick<Config, 'maxPageSize' | 'importMaxBytes' | 'importMaxRows' | 'timelinessGraceHours' | 'publicUrl'>;
  resources: ResourceService;
  catalogueImport: CatalogueImportService;
  dcat: DcatExport;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

function attachment(res: ServerResponse, type: string, filename: string): void {
  res.statusCode = 200;
  res.setHeader('content-type', type);
  res.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`);
}

const needCaller = (ctx: RequestContext) => {
  if (!ctx.caller) throw new UploadRefused(401, 'UNAUTHENTICATED', '未登录或令牌无效');
};

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * The HTTP face of the exchange: the template, the import and the exports of the catalogue. `ctx`
 * comes from the same place as the GraphQL context (the caller of the request's credentials).
 * Answers false for a path that is not its own.
 */
export function exchangeRoutes(deps: ExchangeRouteDeps) {
  const { ds, config, resources, catalogueImport, dcat } = deps;

  async function template(res: ServerResponse): Promise<void> {
    attachment(res, XLSX, '信息资源目录模板.xlsx');
    await writeCatalogueWorkbook(res, [], []);
  }

  async function importFile(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, params: URLSearchParams): Promise<void> {
    if (req.method !== 'POST') throw new UploadRefused(405, 'METHOD_NOT_ALLOWED', '导入只接受 POST');
    needCaller(ctx);
    const project = params.get('project')?.trim();
    if (!project) throw new UploadRefused(400, 'PROJECT_REQUIRED', '缺少查询参数 project（项目编号）');
    const dryRun = /^(1|true|yes)$/i.test(params.get('dryRun') ?? '');
    const upload = await saveUpload(req, config.importMaxBytes);
    try {
      const report = await catalogueImport.importFile(ctx, project, upload, { dryRun, maxRows: config.importMaxRows });
      sendJson(res, report.errorCount ? 422 : 200, report);
    } finally {
      await upload.discard();
    }
  }

  async function exportFile(res: ServerResponse, ctx: RequestContext, params: URLSearchParams, kind: 'xlsx' | 'csv'): Promise<void> {
    needCaller(ctx); // as the resources query: authenticated callers, each reading what it may
    const filter = filterFromQuery(params);
    const entries = () => exportEntries(ds, resources, ctx, filter, config.maxPageSize);
    // The filter is checked by the first page before anything is sent.
    const first = entries();
    const head = await first.next();
    async function* all() {
      if (head.done) return;
      yield head.value;
      yield* first;
    }
    if (kind === 'csv') {
      attachment(res, 'text/csv; charset=utf-8', `信息资源目录-${stamp()}.csv`);
      res.write('\ufeff'); // Excel opens a UTF-8 file with a BOM in the right encoding
      const csv = stringify();
      csv.pipe(res);
      csv.write(RESOURCE_COLUMNS.map((c) => (c.required ? `*${c.header}` : c.header)));
      for await (const e of all()) if (!csv.write(resourceRow(e))) await new Promise((r) => csv.once('drain', r));
      csv.end();
      await new Promise((r) => res.once('finish', r));
      return;
    }
    attachment(res, XLSX, `信息资源目录-${stamp()}.xlsx`);
    async function* interfaces() {
      for await (const e of entries()) yield* interfaceRows(e);
    }
    async function* rows() {
      for await (const e of all()) yield resourceRow(e);
    }
    await writeCatalogueWorkbook(res, rows(), interfaces());
  }

  async function dcatFile(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, params: URLSearchParams, turtle: boolean): Promise<void> {
    // The catalogue's IRIs are what harvesters keep: the hub's public address (PUBLIC_URL), never a
    // Host header a client chose; without PUBLIC_URL (a hub on a workstation) the address it was asked at.
    const base = config.publicUrl ? config.publicUrl.replace(/\/+$/, '') : `http://${req.headers.host ?? 'localhost'}`;
    const after = params.get('after') || undefined;
    const { document } = await dcat.page(ctx, base, { first: config.maxPageSize, after });
    res.statusCode = 200;
    if (turtle) {
      res.setHeader('content-type', 'text/turtle; charset=utf-8');
      res.end(await toTurtle(document));
    } else {
      res.setHeader('content-type', 'application/ld+json; charset=utf-8');
      res.end(JSON.stringify(document));
    }
  }

  async function completenessFile(res: ServerResponse, ctx: RequestContext, params: URLSearchParams): Promise<void> {
    needCaller(ctx);
    // The roles the completeness query answers (a project unit reads its own projects only).
    if (!hasRole(ctx.caller, ...OVERSIGHT_ROLES, Role.PROJECT_UNIT)) throw new UploadRefused(403, 'FORBIDDEN', '当前角色无权查看完整性报告');
    const filter = completenessFilter(params);
    const report = await completenessReport(deps, ctx, filter); // built whole first: a bad filter is a clean 400
    attachment(res, XLSX, `信息资源共享完整性-${stamp()}.xlsx`);
    res.end(report);
  }

  async function dossier(res: ServerResponse, ctx: RequestContext, id: string): Promise<void> {
    needCaller(ctx);
    const found = await writeDossier(deps, ctx, id, () => {
      attachment(res, XLSX, `验收材料-${id}.xlsx`);
      return res;
    });
    if (!found) throw new UploadRefused(404, 'NOT_FOUND', '验收申请不存在或无权查看');
  }

  return async function route(req: IncomingMessage, res: ServerResponse, ctx: () => Promise<RequestContext>): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = url.pathname;
    const dossierId = /^\/acceptance\/([^/]+)\/dossier\.xlsx$/.exec(path)?.[1];
    const known = [
      '/completeness/report.xlsx',
      '/catalogue/template.xlsx',
      '/catalogue/import',
      '/catalogue/export.xlsx',
      '/catalogue/export.csv',
      '/catalogue/dcat.jsonld',
      '/catalogue/dcat.ttl',
    ];
    if (!known.includes(path) && !dossierId) return false;
    try {
      if (path !== '/catalogue/import' && req.method !== 'GET') throw new UploadRefused(405, 'METHOD_NOT_ALLOWED', '只接受 GET');
      const context = await ctx();
      if (dossierId) await dossier(res, context, decodeURIComponent(dossierId));
      else if (path === '/completeness/report.xlsx') await completenessFile(res, context, url.searchParams);
      else if (path === '/catalogue/template.xlsx') await template(res);
      else if (path === '/catalogue/import') await importFile(req, res, context, url.searchParams);
      else if (path.startsWith('/catalogue/dcat.')) await dcatFile(req, res, context, url.searchParams, path.endsWith('.ttl'));
      else await exportFile(res, context, url.searchParams, path.endsWith('.csv') ? 'csv' : 'xlsx');
    } catch (err) {
      if (res.headersSent) throw err;
      if (err instanceof UploadRefused)
        sendJson(res, err.status, refusal({ code: err.code, message: err.message, ...(err.article ? { article: err.article } : {}) }));
      else if (err instanceof GraphQLError) {
        const code = String(err.extensions.code ?? 'BAD_REQUEST');
        const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : 400;
        sendJson(res, status, refusal({ code, message: err.message }));
      } else throw err;
    }
    return true;
  };
}
