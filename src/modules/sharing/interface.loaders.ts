import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../../common/batch';
import { AsCaller, registerCataloguePart, whereVisible } from '../catalogue';
import { plainFromJson } from '../../graphql/lookahead';
import { Organization } from '../organization';
import { SharingInterface } from './sharing-interface.entity';

// The look-ahead of `Project.resources` brings each entry's interfaces in its own statement,
// in the order of `interfacesByResourceId`, when `interfaces` is asked under the entries.
registerCataloguePart<SharingInterface[]>({
  field: 'interfaces',
  entity: SharingInterface,
  typeName: 'SharingInterface',
  needs: ['id'],
  sql: (x, json) => `(SELECT coalesce(json_agg(${json('si')} ORDER BY si.created_at, si.id), '[]') FROM sharing_interface si WHERE si.resource_id = ${x}.id)`,
  hydrate: (ds, json) => (json as Record<string, unknown>[]).map((j) => plainFromJson(ds, SharingInterface, j)),
});

/** Batches the sharing list's nested reads: one statement per kind of read, whatever the page size. */
export function interfaceLoaders(ds: DataSource) {
  return {
    /** One interface by id (for callers that already know they may read it, e.g. their to-dos). */
    interfaceById: new DataLoader<string, SharingInterface | null>(async (ids) => {
      const rows = await ds.getRepository(SharingInterface).find({ where: { id: In([...ids]) } });
      const byId = new Map(rows.map((i) => [i.id, i]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** The interfaces of entries already shown to be visible. */
    interfacesByResourceId: new DataLoader<string, SharingInterface[]>(async (ids) => {
      const rows = await ds.getRepository(SharingInterface).find({ where: { resourceId: In([...ids]) }, order: { createdAt: 'ASC', id: 'ASC' } });
      const byResource = groupBy(rows, (i) => i.resourceId);
      return ids.map((id) => byResource.get(id) ?? []);
    }),

    /** A project's interfaces, of the entries the caller sees. */
    visibleInterfacesByProjectId: new DataLoader<AsCaller, SharingInterface[], string>(
      async (keys) => {
        const ids = keys.map((k) => k.key);
        const qb = ds
          .getRepository(SharingInterface)
          .createQueryBuilder('i')
          .innerJoin('i.resource', 'r')
          .addSelect(['r.id', 'r.projectId'])
          .where('r.projectId IN (:...ids)', { ids });
        const rows = await whereVisible(qb, keys[0].caller, 'r').orderBy('r.code', 'ASC').addOrderBy('i.createdAt', 'ASC').getMany();
        const byProject = groupBy(rows, (i) => i.resource.projectId);
        return ids.map((id) => byProject.get(id) ?? []);
      },
      { cacheKeyFn: (k: AsCaller) => k.key },
    ),

    /** 使用单位 of each interface, by name. */
    consumersByInterfaceId: new DataLoader<string, Organization[]>(async (ids) => {
      const rows = await ds.getRepository(SharingInterface).find({
        where: { id: In([...ids]) },
        relations: { consumers: true },
        select: { id: true, consumers: true },
      });
      const byId = new Map(rows.map((i) => [i.id, [...i.consumers].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))]));
      return ids.map((id) => byId.get(id) ?? []);
    }),
  };
}
