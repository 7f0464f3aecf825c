import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { isUuid } from '../../common/formats';
import { User } from './user.entity';

/** Batches the reads of users' names, one statement per request. A non-UUID id (a seed's or a service's caller) has no account: null. */
export function authLoaders(ds: DataSource) {
  return {
    userNameById: new DataLoader<string, string | null>(async (ids) => {
      const uuids = [...new Set(ids.filter(isUuid))];
      const rows = uuids.length ? await ds.getRepository(User).find({ select: { id: true, name: true }, where: { id: In(uuids) } }) : [];
      const names = new Map(rows.map((u) => [u.id, u.name]));
      return ids.map((id) => names.get(id) ?? null);
    }),
  };
}
