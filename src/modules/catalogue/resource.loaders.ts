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
import { attachAhead, entityJson, fromJsonRow, plainFromJson } from '../../graphql/lookahead';
import type { CataloguePart } from './catalogue.lookahead';

/** A loader key that carries the caller, for loads that apply the visibility rule; cached by `key` (the caller is the request's). */
export interface AsCaller<K = string> {
  key: K;
  caller: Caller | null;
}

const asCallerCache = { cacheKeyFn: (k: AsCaller) => k.key };

/** A page of a project's entries: its size, the cursor (code, id) it starts after, whether its total is counted, and the look-ahead parts asked. */
export interface ProjectResourcesKey extends AsCaller {
  size: number;
  after: [string, string] | null;
  countTotal: boolean;
  /** The entry's columns the selection reads (null: the whole row). */
  columns: string[] | null;
  /** The parts asked, each with the child columns its selection reads (null: whole rows). */
  parts: { part: CataloguePart; columns: string[] | null }[];
}

/** One project's page of entries, each with the JSON of the parts asked, hydrated, by part field. */
export interface ProjectResourcesPage {
  resources: InformationResource[];
  hasNextPage: boolean;
  totalCount: number;
}

const pageGroup = (k: ProjectResourcesKey) =>
  [k.columns?.join(',') ?? '*', ...k.parts.map((p) => `${p.part.field}:${p.columns?.join(',') ?? '*'}`), k.size, k.after?.join('|') ?? '', +k.countTotal].join(
    '|',
  );

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

    /**
     * Look-ahead (see graphql/lookahead.ts): a page of each project's entries as the caller sees
     * them, by code, each with the parts asked (data items, provider, interfaces…) as JSON built by
     * PostgreSQL — one statement for a page of projects, whatever the number of entries. The page
     * is cut per project by a window (`page_row`); with a count, the cursor numbers only the rows
     * after it, and each project's first row carries the total even when its page is empty.
     */
    visibleResourcesByProjectId: new DataLoader<ProjectResourcesKey, ProjectResourcesPage, string>(
      (keys) =>
        loadGrouped(keys, pageGroup, async (group) => {
          const { caller, size, after, countTotal, columns, parts } = group[0];
          const ids = group.map((k) => k.key);
          const inner = filteredResources(ds.manager, caller).andWhere('r.projectId = ANY(:ids)', { ids });
          const rowNumber = 'row_number() OVER (PARTITION BY r.project_id ORDER BY r.code, r.id)';
          let pageRow = rowNumber;
          if (after) {
            const cond = '(r.code, r.id) > (:afterCode::varchar, :afterId::uuid)';
            inner.setParameters({ afterCode: after[0], afterId: after[1] });
            if (countTotal) pageRow = `CASE WHEN ${cond} THEN row_number() OVER (PARTITION BY r.project_id, ${cond} ORDER BY r.code, r.id) END`;
            else inner.andWhere(cond);
          }
          inner
            .select(entityJson(ds, InformationResource, 'r', columns), 'row')
            .addSelect('r.id', 'id')
            .addSelect('r.project_id', 'project_id')
            .addSelect('r.provider_id', 'provider_id')
            .addSelect(pageRow, 'page_row');
          if (countTotal) inner.addSelect('count(*) OVER (PARTITION BY r.project_id)', 'total').addSelect(rowNumber, 'any_row');
          const [sql, params] = inner.getQueryAndParameters();
          const partSql = parts
            .map(
              ({ part, columns: cols }, k) =>
                `, CASE WHEN x.page_row IS NOT NULL THEN ${part.sql('x', (alias) => entityJson(ds, part.entity, alias, cols))} END AS part_${k}`,
            )
            .join('');
          const rows: Record<string, unknown>[] = await ds.query(
            `SELECT x.row, x.project_id, x.page_row${countTotal ? ', x.total' : ''}${partSql} FROM (${sql}) x
             WHERE x.page_row <= ${size + 1}${countTotal ? ' OR x.any_row = 1' : ''} ORDER BY x.project_id, x.page_row`,
            params,
          );
          const byProject = groupBy(rows, (r) => r.project_id as string);
          return ids.map((id) => {
            const all = byProject.get(id) ?? [];
            const kept = all.filter((r) => r.page_row != null).slice(0, size);
            const resources = kept.map((r) => {
              const resource = plainFromJson(ds, InformationResource, r.row as Record<string, unknown>);
              parts.forEach(({ part }, k) => attachAhead(resource, part.field, part.hydrate(ds, r[`part_${k}`])));
              return resource;
            });
            return {
              resources,
              hasNextPage: all.filter((r) => r.page_row != null).length > size,
              totalCount: countTotal ? Number(all[0]?.total ?? 0) : NaN,
            };
          });
        }),
      { cacheKeyFn: (k) => `${pageGroup(k)}:${k.key}` },
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
