import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import type { Caller } from '../../common/caller';
import { DataItem } from './data-item.entity';
import { InformationResource } from './information-resource.entity';
import { ResourceVersion } from './resource-version.entity';
import { filteredResources } from './resource.search';
import { groupBy } from '../../common/batch';

/** A loader key that carries the caller, for loads that apply the visibility rule; cached by `key` (the caller is the request's). */
export interface AsCaller<K = string> {
  key: K;
  caller: Caller | null;
}

const asCallerCache = { cacheKeyFn: (k: AsCaller) => k.key };

/** Batches the catalogue's nested reads: one statement per kind of read, whatever the page size. */
export function resourceLoaders(ds: DataSource) {
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

    dataItemsByResourceId: new DataLoader<string, DataItem[]>(async (ids) => {
      const rows = await ds.getRepository(DataItem).find({ where: { resourceId: In([...ids]) }, order: { position: 'ASC' } });
      const byResource = groupBy(rows, (i) => i.resourceId);
      return ids.map((id) => byResource.get(id) ?? []);
    }),

    /** Published versions of each entry, oldest first. */
    versionsByResourceId: new DataLoader<string, ResourceVersion[]>(async (ids) => {
      const rows = await ds.getRepository(ResourceVersion).find({ where: { resourceId: In([...ids]) }, order: { version: 'ASC' } });
      const byResource = groupBy(rows, (v) => v.resourceId);
      return ids.map((id) => byResource.get(id) ?? []);
    }),
  };
}
