import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { Caller } from '../../common/caller';
import { DataItem } from './data-item.entity';
import { InformationResource } from './information-resource.entity';
import { ResourceVersion } from './resource-version.entity';
import { ResourceRevision } from './resource-revision.entity';
import { filteredResources } from './resource.search';
import { groupBy } from '../../common/batch';
import { childPageLoader, loadGrouped } from '../../common/page-batch';
import { fromJsonRow } from '../../graphql/lookahead';
import { Organization, organizationJsonOf } from '../organization';

/** A loader key that carries the caller, for loads that apply the visibility rule; cached by `key` (the caller is the request's). */
export interface AsCaller<K = string> {
  key: K;
  caller: Caller | null;
}

const asCallerCache = { cacheKeyFn: (k: AsCaller) => k.key };

/** Which children of each entry a look-ahead read brings along (its interfaces are the sharing module's, read by their own loader). */
export interface CatalogueParts {
  dataItems: boolean;
  provider: boolean;
}

/** A project's visible entries with the children asked for, fetched in the same statement. */
export interface CatalogueSubtree {
  resources: InformationResource[];
  dataItems: Map<string, DataItem[]>;
  providers: Organization[];
}

const partsKey = (p: CatalogueParts) => `${+p.dataItems}${+p.provider}`;

/** Batches the catalogue's nested reads: one statement per kind of read, whatever the page size. */
export function resourceLoaders(ds: DataSource, maxPageSize: number) {
  return {
    /** By id, without the visibility rule: for objects already shown to be visible (an interface's resource). */
    resourceById: new DataLoader<string, InformationResource | null>(async (ids) => {
      const rows = await ds.getRepository(InformationResource).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** By code, as the caller sees the catalogue (related resources). */
    visibleResourceByCode: new DataLoader<AsCaller, InformationResource | null, string>(async (keys) => {
      const codes = keys.map((k) => k.key);
      const rows = await filteredResources(ds.manager, keys[0].caller).andWhere('r.code IN (:...codes)', { codes }).getMany();
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }, asCallerCache),

    /** A project's entries as the caller sees them, by code. */
    visibleResourcesByProjectId: new DataLoader<AsCaller, InformationResource[], string>(async (keys) => {
      const ids = keys.map((k) => k.key);
      const rows = await filteredResources(ds.manager, keys[0].caller).andWhere('r.projectId IN (:...ids)', { ids }).orderBy('r.code', 'ASC').getMany();
      const byProject = groupBy(rows, (r) => r.projectId);
      return ids.map((id) => byProject.get(id) ?? []);
    }, asCallerCache),

    /**
     * Look-ahead (see graphql/lookahead.ts): the projects' entries as the caller sees them, by code,
     * each with its data items (by position) and provider when asked — one statement for a page of
     * projects, whatever the number of entries.
     */
    visibleCatalogueByProjectId: new DataLoader<AsCaller & { parts: CatalogueParts }, CatalogueSubtree, string>(
      (keys) =>
        loadGrouped(
          keys,
          (k) => partsKey(k.parts),
          async (group) => {
            const { parts, caller } = group[0];
            const ids = group.map((k) => k.key);
            const qb = filteredResources(ds.manager, caller).andWhere('r.projectId = ANY(:ids)', { ids }).orderBy('r.code', 'ASC');
            if (parts.dataItems) {
              qb.addSelect(
                `(SELECT coalesce(jsonb_agg(to_jsonb(di) ORDER BY di.position), '[]') FROM data_item di WHERE di.resource_id = r.id)`,
                'subtree_items',
              );
            }
            if (parts.provider) qb.addSelect(organizationJsonOf('r.provider_id'), 'subtree_provider');
            const { entities, raw } = await qb.getRawAndEntities();
            const rawById = new Map<string, Record<string, Record<string, unknown>[] & Record<string, unknown>>>(raw.map((row) => [row.r_id, row]));
            const byProject = groupBy(entities, (r) => r.projectId);
            return ids.map((id) => {
              const resources = byProject.get(id) ?? [];
              const tree: CatalogueSubtree = { resources, dataItems: new Map(), providers: [] };
              for (const r of resources) {
                const row = rawById.get(r.id)!;
                if (parts.dataItems)
                  tree.dataItems.set(
                    r.id,
                    row.subtree_items.map((j) => fromJsonRow(ds, DataItem, j)),
                  );
                if (parts.provider && row.subtree_provider) tree.providers.push(fromJsonRow(ds, Organization, row.subtree_provider));
              }
              return tree;
            });
          },
        ),
      { cacheKeyFn: (k) => `${partsKey(k.parts)}:${k.key}` },
    ),

    dataItemsByResourceId: new DataLoader<string, DataItem[]>(async (ids) => {
      const rows = await ds.getRepository(DataItem).find({ where: { resourceId: In([...ids]) }, order: { position: 'ASC' } });
      const byResource = groupBy(rows, (i) => i.resourceId);
      return ids.map((id) => byResource.get(id) ?? []);
    }),

    /** The revision under way of each published entry, if any (who may see it is the resolver's rule). */
    revisionByResourceId: new DataLoader<string, ResourceRevision | null>(async (ids) => {
      const rows = await ds.getRepository(ResourceRevision).findBy({ resourceId: In([...ids]) });
      const byResource = new Map(rows.map((v) => [v.resourceId, v]));
      return ids.map((id) => byResource.get(id) ?? null);
    }),

    /** Published versions of each entry, oldest first. */
    /** `InformationResource.versions(first, after)`: an entry's published versions, oldest first. */
    versionsByResourceId: childPageLoader(
      ds.manager,
      { table: 'resource_version', parent: 'resource_id', sort: 'version', sortType: 'int' },
      maxPageSize,
      (row) => fromJsonRow(ds, ResourceVersion, row),
    ),
  };
}
