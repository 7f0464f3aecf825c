import { Brackets, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../../common/errors';
import { Caller, hasRole } from '../../common/caller';
import { Role } from '../../common/role.enums';
import { isOversight, projectsBuiltBySql } from '../project';
import { CatalogueKind, OpenType, ResourceStatus, SharingType, UpdateFrequency } from './catalogue.enums';
import { InformationResource } from './information-resource.entity';
import { ResourceFilter } from './resource.inputs';
import { isUuid } from '../../graphql/scalars';
import { likeContains } from '../../common/text';

/**
 * Who reads which catalogue entries, as SQL, so that lists, totals and facets agree:
 * - an entry the bureau has published (第五条) is read by every caller: while PUBLISHED (a revision
 *   under way leaves the row as published, 第十七条), and once retired too, so that what was shared
 *   never drops out of the record; its `versions` hold what was published;
 * - an entry never published only by the PROJECT_UNIT callers of the project's lead or
 *   co-building units (第十三条) and by the oversight roles (第五条 bureau, 第六条 office and
 *   experts, 第三十四条 auditors).
 * `alias` is the information_resource alias of `qb`.
 */
export function whereVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, caller: Caller | null, alias: string): SelectQueryBuilder<T> {
  if (isOversight(caller)) return qb;
  const orgId = hasRole(caller, Role.PROJECT_UNIT) ? caller!.organizationId : null;
  return qb.andWhere(
    new Brackets((w) => {
      w.where(`${alias}.status = :visPublished`, { visPublished: ResourceStatus.PUBLISHED });
      // A version above 1 exists only once the bureau published; kept for rows an earlier hub left mid-review.
      w.orWhere(`${alias}.version > 1`);
      w.orWhere(`(${alias}.status = :visRetired AND EXISTS (SELECT 1 FROM resource_version vis_v WHERE vis_v.resource_id = ${alias}.id))`, {
        visRetired: ResourceStatus.RETIRED,
      });
      if (orgId) {
        w.orWhere(`${alias}.projectId IN ${projectsBuiltBySql(':visOrg')}`, { visOrg: orgId });
      }
    }),
  );
}

/** Whether the caller may read the entry `id` (the rule of whereVisible); an entry it may not read is "not found" to it. */
export const isVisibleTo = (em: EntityManager, caller: Caller | null, id: string): Promise<boolean> =>
  whereVisible(em.getRepository(InformationResource).createQueryBuilder('vis_r').where('vis_r.id = :visId', { visId: id }), caller, 'vis_r').getExists();

export const SEARCH_MAX = 100;

/** The caller's visible entries that satisfy the filter, aliased `r`, unordered. */
export function filteredResources(em: EntityManager, caller: Caller | null, filter: ResourceFilter = {}): SelectQueryBuilder<InformationResource> {
  const qb = em.getRepository(InformationResource).createQueryBuilder('r');
  whereVisible(qb, caller, 'r');
  const equal = ['status', 'sharingType', 'openType', 'updateFrequency', 'catalogueKind', 'format', 'dataGrade'] as const;
  for (const key of equal) {
    if (filter[key]) qb.andWhere(`r.${key} = :f_${key}`, { [`f_${key}`]: filter[key] });
  }
  for (const key of ['providerId', 'projectId'] as const) {
    const id = filter[key];
    if (!id) continue;
    if (!isUuid(id)) throw badInput('filter', `${key} 格式无效`);
    qb.andWhere(`r.${key} = :f_${key}`, { [`f_${key}`]: id });
  }
  if (filter.revisionStatus) {
    // 第五条: the review queue of revisions; a revision is seen only by the entry's units and the oversight roles.
    qb.andWhere(`EXISTS (SELECT 1 FROM resource_revision f_rev WHERE f_rev.resource_id = r.id AND f_rev.status = :f_revisionStatus)`, {
      f_revisionStatus: filter.revisionStatus,
    });
    if (!isOversight(caller)) {
      const orgId = hasRole(caller, Role.PROJECT_UNIT) ? caller!.organizationId : null;
      if (!orgId) qb.andWhere('false');
      else qb.andWhere(`r.projectId IN ${projectsBuiltBySql(':revOrg')}`, { revOrg: orgId });
    }
  }
  const term = filter.search?.trim();
  if (term) {
    if (term.length > SEARCH_MAX) throw badInput('filter', `检索词不能超过${SEARCH_MAX}个字符`);
    // Served by the GIN indexes information_resource_search_bigrams (every bigram of the term must
    // be among the text's) and information_resource_search_trgm (3+ characters); ILIKE decides.
    if (term.length >= 2) qb.andWhere(`hub_bigrams(r.search_text) @> hub_bigrams(:f_term)`, { f_term: term });
    qb.andWhere(`r.searchText ILIKE :f_search ESCAPE '\\'`, { f_search: likeContains(term) });
  }
  return qb;
}

export interface FacetRows {
  sharingType: { value: SharingType | null; count: number }[];
  openType: { value: OpenType | null; count: number }[];
  updateFrequency: { value: UpdateFrequency | null; count: number }[];
  catalogueKind: { value: CatalogueKind; count: number }[];
  provider: { providerId: string; count: number }[];
}

/**
 * Counts of the filtered set by sharing type, open type, update frequency, catalogue kind and
 * provider, in one statement (GROUPING SETS over the same filtered rows as the list). Entries
 * without a value yet count under null, so every facet sums to the list's totalCount.
 */
export async function resourceFacets(em: EntityManager, filtered: SelectQueryBuilder<InformationResource>): Promise<FacetRows> {
  const [sql, params] = filtered
    .clone()
    .select('r.sharingType', 'sharing_type')
    .addSelect('r.openType', 'open_type')
    .addSelect('r.updateFrequency', 'update_frequency')
    .addSelect('r.catalogueKind', 'catalogue_kind')
    .addSelect('r.providerId', 'provider_id')
    .getQueryAndParameters();
  const rows: {
    g_sharing: number;
    g_open: number;
    g_frequency: number;
    g_kind: number;
    sharing_type: SharingType | null;
    open_type: OpenType | null;
    update_frequency: UpdateFrequency | null;
    catalogue_kind: CatalogueKind;
    provider_id: string;
    n: number;
  }[] = await em.query(
    `SELECT GROUPING(sharing_type) AS g_sharing, GROUPING(open_type) AS g_open, GROUPING(update_frequency) AS g_frequency,
            GROUPING(catalogue_kind) AS g_kind, sharing_type, open_type, update_frequency, catalogue_kind, provider_id,
            count(*)::int AS n
       FROM (${sql}) f
      GROUP BY GROUPING SETS ((sharing_type), (open_type), (update_frequency), (catalogue_kind), (provider_id))
      ORDER BY n DESC, sharing_type, open_type, update_frequency, catalogue_kind, provider_id`,
    params,
  );
  const facets: FacetRows = { sharingType: [], openType: [], updateFrequency: [], catalogueKind: [], provider: [] };
  for (const row of rows) {
    if (row.g_sharing === 0) facets.sharingType.push({ value: row.sharing_type, count: row.n });
    else if (row.g_open === 0) facets.openType.push({ value: row.open_type, count: row.n });
    else if (row.g_frequency === 0) facets.updateFrequency.push({ value: row.update_frequency, count: row.n });
    else if (row.g_kind === 0) facets.catalogueKind.push({ value: row.catalogue_kind, count: row.n });
    else facets.provider.push({ providerId: row.provider_id, count: row.n });
  }
  return facets;
}
