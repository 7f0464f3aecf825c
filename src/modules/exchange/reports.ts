import type { Writable } from 'node:stream';
import type DataLoader from 'dataloader';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import { COMPLETENESS_FIGURES } from '../../config';
import { SHANGHAI_OFFSET_MS } from '../../common/dates';
import type { RequestContext } from '../../common/request-context';
import { ACCEPTANCE_DOCUMENT_KIND_LABEL, ACCEPTANCE_RESULT_LABEL } from '../acceptance';
import { EXPERT_CONCLUSION_LABEL, reviewLoaders } from '../review';
import { acceptanceLoaders } from '../acceptance';
import { FIGURE_NAMES } from '../acceptance';
import { SnapshotContent, snapshotDelta, verifySnapshot } from '../acceptance';
import type { AcceptanceService } from '../acceptance';
import { INTERFACE_KIND_LABEL, MOUNT_STATUS_LABEL, InterfaceKind, MountStatus } from '../sharing';
import { RESOURCE_STATUS_LABEL, resourceLoaders, ResourceStatus, UPDATE_FREQUENCY_LABEL, UpdateFrequency } from '../catalogue';
import { GAP_REASON_LABEL, GapReason } from '../completeness';
import type { CompletenessFilter } from '../completeness';
import type { CompletenessService } from '../completeness';
import type { CompletenessCounts } from '../completeness';
import type { OrganizationService } from '../organization';
import { projectLoaders, ProjectStatus, STATUS_LABELS } from '../project';
import { organizationLoaders } from '../organization';
import { recordRow } from './catalogue-export';
import { INTERFACE_COLUMNS, RESOURCE_COLUMNS, RESOURCE_FIELD_COLUMN } from './columns';
import { UploadRefused } from './sheet-reader';

export interface ReportDeps {
  ds: DataSource;
  config: Pick<Config, 'timelinessGraceHours'>;
  completeness: CompletenessService;
  organizations: OrganizationService;
  acceptance: AcceptanceService;
}

/** An instant as Beijing time, "2027-03-01 09:30:00". */
export const beijing = (at: Date) => new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10000) / 10000);

/** The six figures as cells: numerator, denominator, ratio (empty when nothing counts) for each. */
function figureCells(counts: CompletenessCounts): (number | null)[] {
  return COMPLETENESS_FIGURES.flatMap((f) => [counts[f].numerator, counts[f].denominator, ratio(counts[f].numerator, counts[f].denominator)]);
}

const FIGURE_HEADERS = COMPLETENESS_FIGURES.flatMap((f) => [`${FIGURE_NAMES[f]}·分子`, `${FIGURE_NAMES[f]}·分母`, FIGURE_NAMES[f]]);

/** `keys` read through `loader` in one batch, in their order; a key it has no row for (or an empty one) gives null. */
async function loaded<T>(loader: DataLoader<string, T | null>, keys: string[]): Promise<(T | null)[]> {
  const rows = await loader.loadMany(keys.filter((k) => k !== ''));
  const byKey = new Map(keys.filter((k) => k !== '').map((k, i) => [k, rows[i] instanceof Error ? null : (rows[i] as T | null)]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/** The ratio columns of the figures (every third, after numerator and denominator) shown as percentages. */
function percentColumns(sheet: ExcelJS.Worksheet, first: number): void {
  COMPLETENESS_FIGURES.forEach((_, i) => (sheet.getColumn(first + i * 3 + 2).numFmt = '0.00%'));
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

/** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, wanted: string): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, 28);
  let name = base;
  for (let n = 2; wb.getWorksheet(name); n++) name = `${base}_${n}`;
  return name;
}

/** The members of a frozen entry or interface (acceptance.snapshot.ts) → the column a reviewer reads them under. */
const CHANGED_FIELD: Record<string, string> = {
  ...RESOURCE_FIELD_COLUMN,
  classificationCode: '分类代码（类/项/目/细目）',
  providerCreditCode: '提供方',
  version: '版本',
  status: '审核状态',
  id: '编号',
  resourceCode: '资源代码',
  kind: '接口类型',
  endpoint: '地址',
  syncFrequency: '同步频率',
  mountStatus: '挂接状态',
  platformId: '平台挂接编号',
  consumerCreditCodes: '使用单位',
};
const changedFields = (fields: string[]) => fields.map((f) => CHANGED_FIELD[f] ?? f).join('、');

/** The `completeness` query's filter from URL parameters of the same names (projectIds comma-separated). */
export function completenessFilter(params: URLSearchParams): CompletenessFilter {
  const filter: CompletenessFilter = {};
  const org = params.get('organizationId');
  if (org) filter.organizationId = org;
  const year = params.get('planYear');
  if (year) {
    if (!/^\d{4}$/.test(year)) throw new UploadRefused(400, 'BAD_FILTER', `计划年度 planYear「${year}」应为4位年份`);
    filter.planYear = Number(year);
  }
  const status = params.get('status');
  if (status) {
    // The enum value or its Chinese label (项目状态); the refusal lists the labels with their values.
    const value =
      status in ProjectStatus
        ? (status as ProjectStatus)
        : (Object.entries(STATUS_LABELS).find(([, label]) => label === status)?.[0] as ProjectStatus | undefined);
    if (!value)
      throw new UploadRefused(400, 'BAD_FILTER', `项目状态 status「${status}」无效，应为：${Object.values(STATUS_LABELS).join('、')}（或其英文枚举值）`);
    filter.status = value;
  }
  const ids = params.get('projectIds');
  if (ids !== null)
    filter.projectIds = ids
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  return filter;
}

/**
 * 完整性报告 (第九条、第十七条): the summary sheet (the six figures per lead unit and in total, the
 * instant and the grace they were computed with) and one sheet of gaps per organisation.
 */
export async function completenessReport(deps: ReportDeps, ctx: RequestContext, filter: CompletenessFilter): Promise<Buffer> {
  const summary = await deps.completeness.summary(ctx, filter);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'catalogue-hub';
  const sheet = wb.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 4 }] });
  sheet.addRow(['计算时点（北京时间）', beijing(summary.at), summary.at.toISOString()]);
  sheet.addRow(['及时率宽限（小时，TIMELINESS_GRACE_HOURS）', deps.config.timelinessGraceHours]);
  sheet.addRow([]);
  bold(sheet.addRow(['单位', '统一社会信用代码', '项目数', ...FIGURE_HEADERS]));
  const orgs = [];
  for (const o of summary.byOrganization) {
    const org = await deps.organizations.findOne(ctx, { id: o.organizationId });
    orgs.push({ ...o, name: org?.name ?? o.organizationId, creditCode: org?.creditCode ?? '' });
    sheet.addRow([org?.name ?? '', org?.creditCode ?? '', o.scope.projectIds.length, ...figureCells(o.counts)]);
  }
  bold(sheet.addRow(['合计', '', summary.total.scope.projectIds.length, ...figureCells(summary.total.counts)]));
  sheet.getColumn(1).width = 36;
  sheet.getColumn(2).width = 22;
  percentColumns(sheet, 4);
  // Each gap with what a reader needs to act on it: the entry, its project, who provides it, where it stands.
  const resources = resourceLoaders(deps.ds, 1).resourceById;
  const projects = projectLoaders(deps.ds, 1).projectById;
  const organizations = organizationLoaders(deps.ds).organizationById;
  for (const o of orgs) {
    const gaps = await deps.completeness.gaps(deps.ds.manager, o.scope.projectIds, summary.at);
    const ws = wb.addWorksheet(sheetName(wb, `缺口-${o.name}`), { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([`${o.name}（${o.creditCode}）`, `计算时点 ${beijing(summary.at)}`, `宽限 ${deps.config.timelinessGraceHours} 小时`]);
    bold(ws.addRow(['信息资源代码', '缺口原因', '说明', '信息资源名称', '项目编号', '项目名称', '提供单位', '审核状态']));
    // The sheet's entries, projects and providers each in one batch, not one read per gap.
    const [entries, owners] = await Promise.all([
      loaded(
        resources,
        gaps.map((g) => g.resourceId),
      ),
      loaded(
        projects,
        gaps.map((g) => g.projectId),
      ),
    ]);
    const providers = await loaded(
      organizations,
      entries.map((r) => r?.providerId ?? ''),
    );
    for (const [i, g] of gaps.entries()) {
      const [r, p, provider] = [entries[i], owners[i], providers[i]];
      const status = r ? (RESOURCE_STATUS_LABEL[r.status] ?? r.status) : '';
      ws.addRow([
        g.resourceCode,
        GAP_REASON_LABEL[g.reason] ?? g.reason,
        g.detail ?? '',
        r?.name ?? '',
        p?.code ?? '',
        p?.name ?? '',
        provider?.name ?? '',
        status,
      ]);
    }
    ws.columns.forEach((c, i) => (c.width = [18, 22, 60, 30, 16, 30, 24, 10][i]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * 验收材料汇编 (第二十六条): what a reviewer files with the acceptance report — the snapshot frozen at
 * the application (catalogue, sharing list, completeness) with its content hash, the materials, the
 * experts' opinions and what changed in the live catalogue since. Null when the caller may not read it.
 */
export async function writeDossier(deps: ReportDeps, ctx: RequestContext, id: string, out: () => Writable): Promise<boolean> {
  const application = await deps.acceptance.findReadable(ctx, id);
  if (!application) return false;
  const loaders = acceptanceLoaders(deps.ds);
  const [snapshot, documents, opinions, live] = await Promise.all([
    loaders.acceptanceSnapshotByApplicationId.load(application.id),
    loaders.acceptanceDocumentsByApplicationId.load(application.id),
    loaders.expertOpinionsByApplicationId.load(application.id),
    loaders.liveCatalogueByProjectId.load(application.projectId),
  ]);
  const content = snapshot!.content as unknown as SnapshotContent;
  const delta = snapshotDelta(content, live!);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'catalogue-hub';

  const cover = wb.addWorksheet('概要');
  for (const line of [
    ['项目编号', content.project.code],
    ['项目名称', content.project.name],
    ['牵头单位', `${content.project.leadUnit.name}（${content.project.leadUnit.creditCode}）`],
    ['申请时间（北京时间）', beijing(application.appliedAt)],
    ['验收结论', application.result ? ACCEPTANCE_RESULT_LABEL[application.result] : '尚未登记'],
    ['验收日期', application.acceptedOn ?? ''],
    ['备案日期', application.filedOn ?? ''],
    ['低于阈值通过的理由', application.overrideReason ?? ''],
    ['快照冻结时间（北京时间）', beijing(snapshot!.takenAt)],
    ['完整性计算时点', content.asOf],
    ['快照内容 SHA-256', snapshot!.contentHash],
    ['按存储内容重新校验', verifySnapshot(snapshot!) ? '一致' : '不一致'],
  ]) {
    cover.addRow(line).getCell(1).font = { bold: true };
  }
  cover.getColumn(1).width = 28;
  cover.getColumn(2).width = 70;

  const catalogue = wb.addWorksheet('快照·信息资源目录', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(catalogue.addRow([...RESOURCE_COLUMNS.map((c) => c.header), '审核状态', '版本']));
  for (const r of content.resources)
    catalogue.addRow([...recordRow(r, r.providerCreditCode), RESOURCE_STATUS_LABEL[r.status as ResourceStatus] ?? r.status, r.version]);

  const sharing = wb.addWorksheet('快照·共享清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  bold(sharing.addRow([...INTERFACE_COLUMNS.map((c) => c.header), '挂接状态', '平台挂接编号', '使用单位']));
  for (const i of content.interfaces) {
    sharing.addRow([
      i.resourceCode,
      INTERFACE_KIND_LABEL[i.kind as InterfaceKind] ?? i.kind,
      i.endpoint,
      UPDATE_FREQUENCY_LABEL[i.syncFrequency as UpdateFrequency] ?? i.syncFrequency,
      MOUNT_STATUS_LABEL[i.mountStatus as MountStatus] ?? i.mountStatus,
      i.platformId ?? '',
      i.consumerCreditCodes.join('；'),
    ]);
  }

  const figures = wb.addWorksheet('快照·完整性');
  bold(figures.addRow(['指标', '分子', '分母', '比率']));
  figures.getColumn(4).numFmt = '0.00%';
  for (const f of COMPLETENESS_FIGURES) {
    const c = content.completeness.counts[f];
    figures.addRow([FIGURE_NAMES[f], c.numerator, c.denominator, ratio(c.numerator, c.denominator)]);
  }
  figures.addRow([]);
  bold(figures.addRow(['信息资源代码', '缺口原因', '说明']));
  for (const g of content.completeness.gaps) figures.addRow([g.resourceCode, GAP_REASON_LABEL[g.reason as GapReason] ?? g.reason, g.detail ?? '']);

  const materials = wb.addWorksheet('验收材料');
  bold(materials.addRow(['类别', '标题', '文件名', '地址', '提交时间（北京时间）']));
  for (const d of documents) materials.addRow([ACCEPTANCE_DOCUMENT_KIND_LABEL[d.kind], d.title, d.fileName, d.url ?? '', beijing(d.attachedAt)]);

  // 第六条: experts by name (expertDirectory), their current opinions.
  const directory = reviewLoaders(deps.ds).expertByUserId;
  const named = await Promise.all(opinions.map((o) => directory.load(o.expertUserId)));
  const experts = wb.addWorksheet('专家意见');
  bold(experts.addRow(['结论', '意见', '专家', '登记时间（北京时间）']));
  opinions.forEach((o, i) => {
    const who = named[i].name ?? o.expertUserId; // 第六条: the expert by name
    experts.addRow([EXPERT_CONCLUSION_LABEL[o.conclusion], o.opinion, who, beijing(o.recordedAt)]);
  });

  const changes = wb.addWorksheet('与现行目录的差异');
  bold(changes.addRow(['变化', '信息资源代码', '共享接口地址', '变化的字段']));
  for (const code of delta.resourcesAdded) changes.addRow(['新增信息资源', code, '', '']);
  for (const code of delta.resourcesRemoved) changes.addRow(['删除或停用信息资源', code, '', '']);
  for (const c of delta.resourcesChanged) changes.addRow(['修改信息资源', c.code, '', changedFields(c.fields)]);
  for (const i of delta.interfacesAdded) changes.addRow(['新增共享接口', i.resourceCode, i.endpoint, '']);
  for (const i of delta.interfacesRemoved) changes.addRow(['删除共享接口', i.resourceCode, i.endpoint, '']);
  for (const i of delta.interfacesChanged) changes.addRow(['修改共享接口', i.resourceCode, i.endpoint, changedFields(i.fields)]);

  await wb.xlsx.write(out());
  return true;
}
