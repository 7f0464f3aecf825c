import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { groupBy } from '../../common/batch';
import { AcceptanceApplication } from './acceptance-application.entity';
import { AcceptanceDocument } from './acceptance-document.entity';
import { AcceptanceSnapshot } from './acceptance-snapshot.entity';
import { CatalogueState, catalogueStates } from './acceptance.snapshot';
import { ExpertOpinion } from '../review';

/** Batches the acceptance reads: one statement per kind of read per request. Callers check who may read (acceptance.resolver.ts). */
export function acceptanceLoaders(ds: DataSource) {
  return {
    /** One application by id (for callers that already know they may read it, e.g. the office's to-dos). */
    acceptanceApplicationById: new DataLoader<string, AcceptanceApplication | null>(async (ids) => {
      const rows = await ds.getRepository(AcceptanceApplication).find({ where: { id: In([...ids]) } });
      const byId = new Map(rows.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** A project's applications, newest first. */
    acceptanceApplicationsByProjectId: new DataLoader<string, AcceptanceApplication[]>(async (ids) => {
      const rows = await ds.getRepository(AcceptanceApplication).find({ where: { projectId: In([...ids]) }, order: { appliedAt: 'DESC', id: 'DESC' } });
      const byProject = groupBy(rows, (a) => a.projectId);
      return ids.map((id) => byProject.get(id) ?? []);
    }),

    /** An application's documents, in the order of their kinds (第二十五条 first, then 第二十六条). */
    acceptanceDocumentsByApplicationId: new DataLoader<string, AcceptanceDocument[]>(async (ids) => {
      const rows = await ds.getRepository(AcceptanceDocument).find({ where: { applicationId: In([...ids]) }, order: { kind: 'ASC' } });
      const byApplication = groupBy(rows, (d) => d.applicationId);
      return ids.map((id) => byApplication.get(id) ?? []);
    }),

    acceptanceSnapshotByApplicationId: new DataLoader<string, AcceptanceSnapshot | null>(async (ids) => {
      const rows = await ds.getRepository(AcceptanceSnapshot).findBy({ applicationId: In([...ids]) });
      const byApplication = new Map(rows.map((s) => [s.applicationId, s]));
      return ids.map((id) => byApplication.get(id) ?? null);
    }),

    /** The current opinions of an application's review (第二十五条), in the order they were recorded. */
    expertOpinionsByApplicationId: new DataLoader<string, ExpertOpinion[]>(async (ids) => {
      const rows = await ds
        .getRepository(ExpertOpinion)
        .createQueryBuilder('o')
        .innerJoin('o.review', 'r')
        .addSelect('r.applicationId', 'application_id')
        .where('r.applicationId IN (:...ids) AND o.supersededAt IS NULL', { ids: [...ids] })
        .orderBy('o.recordedAt', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .getRawAndEntities();
      const applicationOf = new Map(rows.raw.map((r: { o_id: string; application_id: string }) => [r.o_id, r.application_id]));
      const byApplication = groupBy(rows.entities, (o) => applicationOf.get(o.id)!);
      return ids.map((id) => byApplication.get(id) ?? []);
    }),

    /** The live side of snapshotDiff: built by the snapshot's own builder. */
    liveCatalogueByProjectId: new DataLoader<string, CatalogueState | null>(async (ids) => {
      const states = await catalogueStates(ds.manager, ids);
      return ids.map((id) => states.get(id) ?? null);
    }),
  };
}
