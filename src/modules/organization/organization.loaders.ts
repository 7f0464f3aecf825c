import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { Organization } from './organization.entity';

/** The organisation whose id is `id` (a SQL expression) as JSON: for look-ahead reads. */
export const organizationJsonOf = (id: string) => `(SELECT to_jsonb(og) FROM organization og WHERE og.id = ${id})`;

/** Batches every organisation looked up by id in one request into one statement. */
export function organizationLoaders(ds: DataSource) {
  return {
    organizationById: new DataLoader<string, Organization | null>(async (ids) => {
      const rows = await ds.getRepository(Organization).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
