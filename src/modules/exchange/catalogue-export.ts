import type { DataSource } from 'typeorm';
import type { Page } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import {
  CATALOGUE_KIND_LABEL,
  CatalogueKind,
  DATA_GRADE_LABEL,
  DataGrade,
  OPEN_TYPE_LABEL,
  OpenType,
  RESOURCE_FORMAT_LABEL,
  RESOURCE_STATUS_LABEL,
  ResourceFormat,
  ResourceStatus,
  SHARING_METHOD_LABEL,
  SHARING_TYPE_LABEL,
  SharingType,
  UPDATE_FREQUENCY_LABEL,
  UpdateFrequency,
} from '../catalogue';
import { CatalogueRecord, catalogueRecord } from '../catalogue';
import type { DataItem } from '../catalogue';
import type { InformationResource } from '../catalogue';
import { resourceLoaders } from '../catalogue';
import type { ResourceFilter } from '../catalogue';
import type { ResourceService } from '../catalogue';
import type { Organization } from '../organization';
import { organizationLoaders } from '../organization';
import { interfaceLoaders } from '../sharing';
import type { SharingInterface } from '../sharing';
import { INTERFACE_KIND_LABEL, MountStatus } from '../sharing';
import { enumOf } from './columns';
import { classificationParts, formatDataItems } from './row-mapping';
import { UploadRefused } from './sheet-reader';

/** An entry with what its export rows need. */
export interface ExportEntry {
  resource: InformationResource;
  items: DataItem[];
  provider: Organization | null;
  interfaces: SharingInterface[];
}

const label = (labels: Record<string, string>, value: string | null) => (value ? labels[value] : '');

/** The provider cell: its name with the credit code, which the import reads back. */
export const providerCell = (o: Organization | null) => (o ? `${o.name}（${o.creditCode}）` : '');

/** A catalogue record (a live entry, a published version or a frozen one) as a row of the catalogue sheet, in the template's columns. */
export function recordRow(r: CatalogueRecord, provider: string): string[] {
  const parts = classificationParts(r.classificationCode);
  return [
    CATALOGUE_KIND_LABEL[r.catalogueKind as CatalogueKind],
    parts.item,
    parts.category,
    parts.subcategory,
    r.name,
    r.code,
    provider,
    r.summary,
    RESOURCE_FORMAT_LABEL[r.format as ResourceFormat],
    r.subFormat ?? '',
    formatDataItems(r.dataItems),
    label(SHARING_TYPE_LABEL, r.sharingType),
    (r.sharingType === SharingType.NOT_SHARED ? r.legalBasis : r.sharingCondition) ?? '',
    label(SHARING_METHOD_LABEL, r.sharingMethod),
    label(OPEN_TYPE_LABEL, r.openType),
    r.openCondition ?? '',
    label(UPDATE_FREQUENCY_LABEL, r.updateFrequency),
    label(DATA_GRADE_LABEL, r.dataGrade),
    r.publishedOn ?? '',
    r.relatedResourceCodes.join('；'),
  ];
}

/** A live entry as a row of the catalogue sheet. */
export function resourceRow({ resource, items, provider }: ExportEntry): string[] {
  return recordRow(catalogueRecord(resource, items, provider ?? { creditCode: '' }), providerCell(provider));
}

/** The live (not withdrawn) interfaces of an entry as rows of the interfaces sheet. */
export function interfaceRows({ resource, interfaces }: ExportEntry): string[][] {
  return interfaces
    .filter((i) => i.mountStatus !== MountStatus.WITHDRAWN)
    .map((i) => [resource.code, INTERFACE_KIND_LABEL[i.kind], i.endpoint, UPDATE_FREQUENCY_LABEL[i.syncFrequency]]);
}

const FILTER_ENUMS: Record<string, Record<string, string>> = {
  status: RESOURCE_STATUS_LABEL,
  sharingType: SHARING_TYPE_LABEL,
  openType: OPEN_TYPE_LABEL,
  updateFrequency: UPDATE_FREQUENCY_LABEL,
  catalogueKind: CATALOGUE_KIND_LABEL,
  format: RESOURCE_FORMAT_LABEL,
  dataGrade: DATA_GRADE_LABEL,
};

/** The `resources` query's filter from URL parameters of the same names. */
export function filterFromQuery(params: URLSearchParams): ResourceFilter {
  const filter: Record<string, string> = {};
  for (const [key, labels] of Object.entries(FILTER_ENUMS)) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    // The enum value (as the resources query takes it) or its Chinese label (as the export writes it).
    const known = enumOf(labels, value);
    if (!known)
      throw new UploadRefused(400, 'BAD_FILTER', `筛选条件 ${key} 的取值「${value}」无效，应为：${Object.values(labels).join('、')}（或其英文枚举值）`);
    filter[key] = known;
  }
  for (const key of ['providerId', 'projectId', 'search']) {
    const value = params.get(key);
    if (value) filter[key] = value;
  }
  return filter as ResourceFilter & {
    status?: ResourceStatus;
    sharingType?: SharingType;
    openType?: OpenType;
    updateFrequency?: UpdateFrequency;
    catalogueKind?: CatalogueKind;
    format?: ResourceFormat;
    dataGrade?: DataGrade;
  };
}

/**
 * One page of the entries the caller may read under `filter`, through the same search the
 * `resources` query uses, with their data items, providers and interfaces batched by the API's
 * own loaders (fresh per page, so nothing accumulates across pages).
 */
export async function entryPage(
  ds: DataSource,
  resources: ResourceService,
  ctx: RequestContext,
  filter: ResourceFilter,
  args: { first: number; after?: string },
): Promise<{ entries: ExportEntry[]; page: Page<InformationResource> }> {
  const page = await resources.list(ctx, filter, args);
  const catalogue = resourceLoaders(ds, args.first); // only its data items are read here
  const organizations = organizationLoaders(ds);
  const sharing = interfaceLoaders(ds);
  const entries = await Promise.all(
    page.nodes.map(async (resource) => ({
      resource,
      items: await catalogue.dataItemsByResourceId.load(resource.id),
      provider: await organizations.organizationById.load(resource.providerId),
      interfaces: await sharing.interfacesByResourceId.load(resource.id),
    })),
  );
  return { entries, page };
}

/** Every entry the caller may read under `filter`, page after page: memory stays flat however large the catalogue. */
export async function* exportEntries(
  ds: DataSource,
  resources: ResourceService,
  ctx: RequestContext,
  filter: ResourceFilter,
  pageSize: number,
): AsyncGenerator<ExportEntry> {
  let after: string | undefined;
  for (;;) {
    const { entries, page } = await entryPage(ds, resources, ctx, filter, { first: pageSize, after });
    yield* entries;
    if (!page.pageInfo.hasNextPage) return;
    after = page.pageInfo.endCursor ?? undefined;
  }
}
