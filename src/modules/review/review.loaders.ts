import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { groupsFor } from '../../common/batch';
import { ExpertAssignment } from './expert-assignment.entity';
import { ExpertOpinion } from './expert-opinion.entity';
import { ExpertReview } from './expert-review.entity';
import { ExpertEntry, expertDirectory } from './review.rules';
import { latestDeclarationSql } from '../project';
import { reviewOpenSql } from './review.sql';

/** Batches the review reads, one statement per kind of read per request. Callers check who may read (review.resolver.ts). */
export function reviewLoaders(ds: DataSource) {
  return {
    reviewById: new DataLoader<string, ExpertReview | null>(async (ids) => {
      const rows = await ds.getRepository(ExpertReview).findBy({ id: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** 第二十五条: the review of an acceptance application. */
    reviewByApplicationId: new DataLoader<string, ExpertReview | null>(async (ids) => {
      const rows = await ds.getRepository(ExpertReview).findBy({ applicationId: In([...ids]) });
      const byId = new Map(rows.map((r) => [r.applicationId, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** 第十条: the review of a project's current (latest) declaration, if one was opened. */
    planReviewByProjectId: new DataLoader<string, ExpertReview | null>(async (ids) => {
      const rows: { id: string; project_id: string }[] = await ds.query(
        `SELECT r.id, k.id AS project_id FROM unnest($1::uuid[]) k(id) JOIN expert_review r ON r.declaration_id = ${latestDeclarationSql('k.id')}`,
        [[...ids]],
      );
      const reviews = await ds.getRepository(ExpertReview).findBy({ id: In(rows.map((r) => r.id)) });
      const byProject = new Map(reviews.map((r) => [r.projectId, r]));
      return ids.map((id) => byProject.get(id) ?? null);
    }),

    /** Whether a review is open (reviewOpenSql). */
    reviewOpenById: new DataLoader<string, boolean>(async (ids) => {
      const rows: { id: string; open: boolean }[] = await ds.query(
        `SELECT r.id, ${reviewOpenSql('r')} AS open FROM expert_review r WHERE r.id = ANY($1::uuid[])`,
        [[...ids]],
      );
      const byId = new Map(rows.map((r) => [r.id, r.open]));
      return ids.map((id) => byId.get(id) ?? false);
    }),

    /** A review's experts, in the order they were assigned (those of one assignment by user id). */
    assignmentsByReviewId: new DataLoader<string, ExpertAssignment[]>(async (ids) => {
      const rows = await ds.getRepository(ExpertAssignment).find({ where: { reviewId: In([...ids]) }, order: { assignedAt: 'ASC', expertUserId: 'ASC' } });
      return groupsFor(ids, rows, (a) => a.reviewId);
    }),

    /** A review's current opinions, one per expert, in the order they were recorded. */
    currentOpinionsByReviewId: new DataLoader<string, ExpertOpinion[]>(async (ids) => {
      const rows = await ds
        .getRepository(ExpertOpinion)
        .find({ where: { reviewId: In([...ids]), supersededAt: IsNull() }, order: { recordedAt: 'ASC', id: 'ASC' } });
      return groupsFor(ids, rows, (o) => o.reviewId);
    }),

    /** Every version of one expert's opinion in one review (key `reviewId/expertUserId`), oldest first. */
    opinionVersionsByExpert: new DataLoader<string, ExpertOpinion[]>(async (keys) => {
      const reviewIds = [...new Set(keys.map((k) => k.slice(0, k.indexOf('/'))))];
      const rows = await ds.getRepository(ExpertOpinion).find({ where: { reviewId: In(reviewIds) }, order: { version: 'ASC' } });
      return groupsFor(keys, rows, (o) => `${o.reviewId}/${o.expertUserId}`);
    }),

    /** Experts by user id, as expertDirectory tells them (the last name their own tokens carried). */
    expertByUserId: new DataLoader<string, ExpertEntry>(async (userIds) => {
      const rows: { expert_user_id: string; name: string | null }[] = await ds.query(
        `SELECT DISTINCT ON (expert_user_id) expert_user_id, expert_name AS name FROM (
           SELECT expert_user_id, expert_name, recorded_at AS at FROM expert_opinion WHERE expert_user_id = ANY($1) AND expert_name IS NOT NULL
           UNION ALL SELECT expert_user_id, expert_name, assigned_at FROM expert_assignment WHERE expert_user_id = ANY($1) AND expert_name IS NOT NULL) n
         ORDER BY expert_user_id, at DESC`,
        [[...userIds]],
      );
      return expertDirectory(ds.manager, userIds, new Map(rows.map((r) => [r.expert_user_id, r.name])));
    }),
  };
}
