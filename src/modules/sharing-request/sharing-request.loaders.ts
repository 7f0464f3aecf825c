import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { SharingRequest } from './sharing-request.entity';

/** Batches the sharing requests looked up by id in one request (a deadline's request) into one statement. */
export function sharingRequestLoaders(ds: DataSource) {
  return {
    /** By id, without the reading rule: for requests already shown to be readable. */
    sharingRequestById: new DataLoader<string, SharingRequest | null>(async (ids) => {
      const rows = await ds.getRepository(SharingRequest).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
