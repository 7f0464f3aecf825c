import type { DataSource } from 'typeorm';
import type { RequestContext } from '../../common/request-context';
import { UserError, UserErrorsException } from '../../common/user-error';
import {
  CatalogueKind,
  codeOfEntryNamed,
  DataGrade,
  OpenType,
  ResourceFormat,
  ResourceRevision,
  ResourceStatus,
  SharingMethod,
  SharingType,
  UpdateFrequency,
} from '../catalogue';
import { InformationResource } from '../catalogue';
import { DataItemInput, ResourceCreateInput, ResourceUpdateInput } from '../catalogue';
import type { ResourceService } from '../catalogue';
import type { OrganizationService } from '../organization';
import { projectForChange } from '../project';
import type { Project } from '../project';
import type { ProjectService } from '../project';
import { InterfaceRegisterInput, InterfaceUpdateInput } from '../sharing';
import type { InterfaceService } from '../sharing';
import { InterfaceKind } from '../sharing';
import { INTERFACE_COLUMNS, INTERFACE_FIELD_COLUMN, INTERFACE_SHEET, RESOURCE_COLUMNS, RESOURCE_FIELD_COLUMN, RESOURCE_SHEET } from './columns';
import type { ImportError, ImportReport } from './import-report';
import { classificationOf, conditionFields, parseDataItems, RowReader, SheetLayout } from './row-mapping';
import { ReadProgress, readRows, SheetRow, sniff, UploadRefused } from './sheet-reader';

export interface ImportDeps {
  resources: ResourceService;
  interfaces: InterfaceService;
  organizations: OrganizationService;
  projects: ProjectService;
  /** The largest page a list answers (MAX_PAGE_SIZE). */
  pageSize: number;
}

export interface ImportOptions {
  dryRun: boolean;
  maxRows: number;
  onRow?: (rowsRead: number) => void;
}

export type { ImportReport } from './import-report';

const MAX_REPORTED = 1000;

class Rollback extends Error {}

type Kind = 'resources' | 'interfaces';

/**
 * Imports a filled catalogue template into a project. Every row goes through the same business
 * actions as the GraphQL mutations (resourceCreate / resourceUpdate, interfaceRegister /
 * interfaceUpdate), each a savepoint of one transaction: with any error, or on a dry run, the
 * whole transaction is rolled back and nothing is written. A row whose resource code is already the
 * project's updates that entry; a published one keeps its published version and gets a revision (第五条).
 * A row (of either sheet) that would change nothing is counted unchanged and not written at all.
 */
export class CatalogueImportService {
  constructor(
    private readonly ds: DataSource,
    private readonly deps: ImportDeps,
  ) {}

  /** Imports the file at `path` (an .xlsx workbook or a CSV file; `name` is the name it came with), streamed. */
  async importFile(
    ctx: RequestContext,
    projectCode: string,
    file: { path: string; name: string },
    opts: ImportOptions & { onBytes?: (p: ReadProgress) => void },
  ): Promise<ImportReport> {
    const kind = await sniff(file.path, file.name);
    return this.run(ctx, projectCode, readRows(file.path, kind, RESOURCE_SHEET, opts.onBytes), opts);
  }

  async run(ctx: RequestContext, projectCode: string, rows: AsyncIterable<SheetRow>, opts: ImportOptions): Promise<ImportReport> {
    const project = await this.deps.projects.findOne(ctx, { code: projectCode });
    if (!project) throw new UploadRefused(404, 'PROJECT_NOT_FOUND', `项目 ${projectCode} 不存在或无权查看`);
    let report: ImportReport | undefined;
    try {
      await this.ds.transaction(async (em) => {
        try {
          // 第十三条: only the project's own units register its catalogue; the project stays locked for the import.
          await projectForChange(em, ctx.caller!, project.id, ['project']);
        } catch (err) {
          if (err instanceof UserErrorsException) throw new UploadRefused(403, err.errors[0].code, err.errors[0].message, err.errors[0].article ?? undefined);
          throw err;
        }
        const run = new ImportRun({ ...ctx, transaction: em }, project, this.deps, opts);
        for await (const row of rows) await run.accept(row);
        await run.finish();
        report = run.report();
        if (!report.written) throw new Rollback();
      });
    } catch (err) {
      if (!(err instanceof Rollback)) throw err;
    }
    return report!;
  }
}

interface PendingResource {
  layout: SheetLayout;
  row: number;
  cells: string[];
  /** 信息项 cells of the continuation rows under it. */
  itemRows: { row: number; text: string }[];
}

interface Deferred<T> {
  row: number;
  sheet: string;
  value: T;
}

/** One import: the rows as they stream in, and what they did. */
class ImportRun {
  private readonly layouts = new Map<string, { kind: Kind; layout: SheetLayout } | null>();
  private pending: PendingResource | null = null;
  private readonly relations: Deferred<{ id: string; codes: string[] }>[] = [];
  private readonly orphanInterfaces: Deferred<{ layout: SheetLayout; cells: string[] }>[] = [];
  private readonly providers = new Map<string, string | null>();
  /** Resource codes given so far, row by code: a code twice in one file is an error, not an update. */
  private readonly codes = new Map<string, number>();
  /** Names of the rows without a code, row by name: such a row names its entry by its name (第八条), so twice is an error. */
  private readonly names = new Map<string, number>();
  private readonly errors: ImportError[] = [];
  private errorCount = 0;
  private dataRows = 0;
  private counts = { created: 0, updated: 0, revised: 0, interfacesRegistered: 0, interfacesUpdated: 0, unchanged: 0 };

  constructor(
    private readonly ctx: RequestContext,
    private readonly project: Project,
    private readonly deps: ImportDeps,
    private readonly opts: ImportOptions,
  ) {}

  report(): ImportReport {
    return {
      project: this.project.code,
      dryRun: this.opts.dryRun,
      written: this.errorCount === 0 && !this.opts.dryRun,
      rows: this.dataRows,
      ...this.counts,
      errorCount: this.errorCount,
      errors: this.errors,
    };
  }

  private fail(errors: ImportError[]): void {
    this.errorCount += errors.length;
    for (const e of errors) if (this.errors.length < MAX_REPORTED) this.errors.push(e);
  }

  /** Service userErrors → errors of the row, each in the column of its input field. */
  private failRow(sheet: string, row: number, userErrors: UserError[], fieldColumns: Record<string, string>): void {
    this.fail(
      userErrors.map((e) => ({
        sheet,
        row,
        column: (e.field && fieldColumns[e.field[1] ?? e.field[0]]) ?? null,
        code: e.code,
        message: e.message,
        ...(e.article ? { article: e.article } : {}),
      })),
    );
  }

  async accept(row: SheetRow): Promise<void> {
    if (!this.layouts.has(row.sheet)) {
      this.layouts.set(row.sheet, this.headerOf(row));
      return;
    }
    const sheet = this.layouts.get(row.sheet);
    if (!sheet || sheet.layout.isEmpty(row.cells) || (row.row <= 2 && sheet.layout.isHintRow(row.cells))) return;
    if (++this.dataRows > this.opts.maxRows) {
      throw new UploadRefused(413, 'TOO_MANY_ROWS', `文件超过 ${this.opts.maxRows} 行数据，请分批导入`);
    }
    this.opts.onRow?.(this.dataRows);
    if (sheet.kind === 'resources') {
      const only = sheet.layout.cell(row.cells, 'dataItems');
      const continuation = only !== '' && RESOURCE_COLUMNS.every((c) => c.key === 'dataItems' || sheet.layout.cell(row.cells, c.key) === '');
      if (continuation && this.pending && this.pending.layout === sheet.layout) {
        this.pending.itemRows.push({ row: row.row, text: only });
        return;
      }
      await this.flush();
      this.pending = { layout: sheet.layout, row: row.row, cells: row.cells, itemRows: [] };
      return;
    }
    await this.flush();
    await this.importInterface(sheet.layout, row.row, row.cells, true);
  }

  /** The first row of a sheet names its columns: the catalogue sheet, the interfaces sheet, or one to skip. */
  private headerOf(row: SheetRow): { kind: Kind; layout: SheetLayout } | null {
    const headers = new Set(row.cells.map((c) => c.replace(/^\*/, '').trim()));
    const kind: Kind | null = headers.has('信息资源名称') ? 'resources' : headers.has('接口类型') ? 'interfaces' : null;
    if (!kind) return null;
    const layout = new SheetLayout(row.sheet, kind === 'resources' ? RESOURCE_COLUMNS : INTERFACE_COLUMNS, row.cells);
    const missing = layout.missing();
    if (missing.length) {
      this.fail(missing.map((c) => ({ sheet: row.sheet, row: row.row, column: c.header, code: 'MISSING_COLUMN', message: `缺少必填列「${c.header}」` })));
    }
    return { kind, layout };
  }

  async finish(): Promise<void> {
    await this.flush();
    if (this.layouts.size === 0 || ![...this.layouts.values()].some((s) => s?.kind === 'resources' || s?.kind === 'interfaces')) {
      this.fail([
        {
          sheet: RESOURCE_SHEET,
          row: 1,
          column: null,
          code: 'NO_CATALOGUE_SHEET',
          message: `文件中没有「${RESOURCE_SHEET}」或「${INTERFACE_SHEET}」工作表（按表头识别）`,
        },
      ]);
    }
    for (const r of this.relations) {
      const input = Object.assign(new ResourceUpdateInput(), { id: r.value.id, relatedResourceCodes: r.value.codes });
      if (!(await this.deps.resources.changes(this.ctx, input))) continue; // the entry already relates to them: nothing to write
      const outcome = await this.deps.resources.update(this.ctx, input);
      if (outcome.userErrors.length) this.failRow(r.sheet, r.row, outcome.userErrors, RESOURCE_FIELD_COLUMN);
    }
    for (const i of this.orphanInterfaces) await this.importInterface(i.value.layout, i.row, i.value.cells, false);
  }

  private async flush(): Promise<void> {
    const p = this.pending;
    this.pending = null;
    if (p) await this.importResource(p);
  }

  private async importResource(p: PendingResource): Promise<void> {
    const r = new RowReader(p.layout, p.cells, p.row);
    const col = (key: string) => RESOURCE_COLUMNS.find((c) => c.key === key)!;
    const catalogueKind = r.choice<CatalogueKind>('catalogueKind');
    const classificationCode = classificationOf(catalogueKind, r.digits('item'), r.digits('category'), r.digits('subcategory'));
    const name = r.text('name');
    const code = r.text('code');
    const format = r.choice<ResourceFormat>('format');
    const itemsText = r.text('dataItems');
    const dataItems: DataItemInput[] = itemsText ? parseDataItems(r, itemsText, col('dataItems')) : [];
    for (const extra of p.itemRows) {
      const more = new RowReader(p.layout, [], extra.row);
      dataItems.push(...parseDataItems(more, extra.text, col('dataItems')));
      r.errors.push(...more.errors);
    }
    const sharingType = r.choice<SharingType>('sharingType');
    const fields = {
      summary: r.text('summary'),
      subFormat: r.text('subFormat'),
      dataItems,
      sharingType,
      ...conditionFields(sharingType, r.text('condition')),
      sharingMethod: r.choice<SharingMethod>('sharingMethod'),
      openType: r.choice<OpenType>('openType'),
      openCondition: r.text('openCondition'),
      updateFrequency: r.choice<UpdateFrequency>('updateFrequency'),
      dataGrade: r.choice<DataGrade>('dataGrade'),
      publishedOn: r.date('publishedOn') ?? undefined, // blank keeps the date an entry has (the bureau sets it at publication)
    };
    const related = r.list('relatedResourceCodes');
    const providerText = r.text('provider');
    const providerId = providerText ? await this.providerId(providerText) : null;
    if (providerText && !providerId) r.error(col('provider'), 'NOT_FOUND', `提供方「${providerText}」不是已登记的单位（填统一社会信用代码或单位全称）`);
    if (code) {
      const first = this.codes.get(code);
      if (first !== undefined) r.error(col('code'), 'DUPLICATE', `信息资源代码 ${code} 在本文件中重复（第 ${first} 行已填写）`);
      else this.codes.set(code, p.row);
    } else if (name) {
      const first = this.names.get(name);
      if (first !== undefined) r.error(col('name'), 'DUPLICATE', `信息资源名称「${name}」在本文件中重复（第 ${first} 行已填写），同一项目内名称唯一（第八条）`);
      else this.names.set(name, p.row);
    }
    // Without its required cells a row is not put through the rules: the missing cells are its errors.
    if (r.errors.some((e) => e.code === 'REQUIRED' || e.code === 'DUPLICATE') || !catalogueKind || !format || !name) return this.fail(r.errors);
    this.fail(r.errors); // the row still goes through the rules, for every other error it has

    // 第八条: a row without a code names its entry by its name, one per project: a file imported again
    // updates the entries its first import made instead of being refused as their duplicates.
    const named = code ? null : await codeOfEntryNamed(this.ctx.transaction!, this.project.id, name);
    const existing = code || named ? await this.deps.resources.findOne(this.ctx, { code: code ?? named }) : null;
    if (existing && existing.projectId !== this.project.id) {
      return this.fail([{ sheet: p.layout.sheet, row: p.row, column: '信息资源代码', code: 'DUPLICATE', message: `信息资源代码 ${code} 已属于其他项目` }]);
    }
    const edit = existing
      ? Object.assign(new ResourceUpdateInput(), {
          id: existing.id,
          code, // the row's code stays its code: a classification that no longer fits it is the row's error
          catalogueKind,
          classificationCode,
          name,
          format,
          ...fields,
          providerId: providerId ?? undefined,
        })
      : null;
    // A row that leaves its entry as it stands (its relations too) is unchanged: nothing is written for it, in a dry run as in the import.
    if (edit && !(await this.deps.resources.changes(this.ctx, Object.assign(new ResourceUpdateInput(), edit, { relatedResourceCodes: related })))) {
      this.counts.unchanged++;
      return;
    }
    const outcome = edit
      ? await this.deps.resources.update(this.ctx, Object.assign(edit, { relatedResourceCodes: related.length ? undefined : [] }))
      : await this.deps.resources.create(
          this.ctx,
          Object.assign(new ResourceCreateInput(), {
            projectId: this.project.id,
            catalogueKind,
            classificationCode,
            name,
            format,
            code,
            providerId,
            ...fields,
          }),
        );
    if (outcome.userErrors.length) return this.failRow(p.layout.sheet, p.row, outcome.userErrors, RESOURCE_FIELD_COLUMN);
    if (existing) this.counts.updated++;
    else this.counts.created++;
    // 第五条: a published entry is not overwritten: the row's changes are its revision, for the bureau to publish.
    if (existing?.status === ResourceStatus.PUBLISHED && (await this.ctx.transaction!.existsBy(ResourceRevision, { resourceId: existing.id }))) {
      this.counts.revised++;
    }
    if (related.length) this.relations.push({ sheet: p.layout.sheet, row: p.row, value: { id: outcome.result!.id, codes: related } });
  }

  private async importInterface(layout: SheetLayout, row: number, cells: string[], mayDefer: boolean): Promise<void> {
    const r = new RowReader(layout, cells, row);
    const code = r.text('resourceCode');
    const kind = r.choice<InterfaceKind>('kind');
    const endpoint = r.text('endpoint');
    const syncFrequency = r.choice<UpdateFrequency>('syncFrequency');
    if (r.errors.length || !code || !kind || !endpoint || !syncFrequency) return this.fail(r.errors);
    const resource: InformationResource | null = await this.deps.resources.findOne(this.ctx, { code });
    if (!resource) {
      if (mayDefer) this.orphanInterfaces.push({ sheet: layout.sheet, row, value: { layout, cells } });
      else this.fail([{ sheet: layout.sheet, row, column: '资源代码', code: 'NOT_FOUND', message: `信息资源代码 ${code} 不存在` }]);
      return;
    }
    if (resource.projectId !== this.project.id) {
      return this.fail([{ sheet: layout.sheet, row, column: '资源代码', code: 'NOT_ALLOWED', message: `信息资源 ${code} 不属于项目 ${this.project.code}` }]);
    }
    const page = await this.deps.interfaces.list(this.ctx, { resourceId: resource.id }, { first: this.deps.pageSize });
    const same = page.nodes.find((i) => i.kind === kind && i.endpoint === endpoint.trim());
    if (same && same.syncFrequency === syncFrequency) {
      this.counts.unchanged++;
      return;
    }
    const outcome = same
      ? await this.deps.interfaces.update(this.ctx, Object.assign(new InterfaceUpdateInput(), { id: same.id, syncFrequency }))
      : await this.deps.interfaces.register(this.ctx, Object.assign(new InterfaceRegisterInput(), { resourceId: resource.id, kind, endpoint, syncFrequency }));
    if (outcome.userErrors.length) return this.failRow(layout.sheet, row, outcome.userErrors, INTERFACE_FIELD_COLUMN);
    if (same) this.counts.interfacesUpdated++;
    else this.counts.interfacesRegistered++;
  }

  /** 提供方: a credit code (alone or in brackets after the name) or the exact name of a registered organisation. */
  private async providerId(text: string): Promise<string | null> {
    if (this.providers.has(text)) return this.providers.get(text)!;
    const credit = /[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/.exec(text)?.[0];
    let id: string | null;
    if (credit) id = (await this.deps.organizations.findOne(this.ctx, { creditCode: credit }))?.id ?? null;
    else {
      const page = await this.deps.organizations.list(this.ctx, { nameContains: text }, { first: this.deps.pageSize });
      id = page.nodes.find((o) => o.name === text)?.id ?? null;
    }
    this.providers.set(text, id);
    return id;
  }
}
