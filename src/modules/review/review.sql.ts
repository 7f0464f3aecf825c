import { latestDeclarationSql, ProjectStatus, projectStatusSql } from '../project';
import { ReviewStage } from './review.enums';

/**
 * SQL condition: the review aliased `r` is open — opinions may be given
 * and revised, experts assigned. A plan review while its declaration is the project's current one
 * and the project is DECLARED (approval or rejection ends it, 第十条); an acceptance review until
 * its result is recorded, while the project is ACCEPTANCE_APPLIED (第二十五条). The mutations check the
 * same (review.service.ts openReviewFor), on the locked rows.
 */
export const reviewOpenSql = (r: string): string =>
  `((${r}.stage = '${ReviewStage.PLAN}' AND ${projectStatusSql(`${r}.project_id`)} = '${ProjectStatus.DECLARED}'
      AND ${r}.declaration_id = ${latestDeclarationSql(`${r}.project_id`)})
    OR (${r}.stage = '${ReviewStage.ACCEPTANCE}' AND ${r}.decided_at IS NULL AND ${projectStatusSql(`${r}.project_id`)} = '${ProjectStatus.ACCEPTANCE_APPLIED}'))`;

/**
 * 第六条: the open reviews an expert is assigned to and has not yet given an opinion in, for the
 * to-dos (columns assignment_id, review_id, stage, project_id, application_id, expert_user_id,
 * assigned_at).
 */
export const OPEN_ASSIGNMENTS_WITHOUT_OPINION = `
  SELECT a.id AS assignment_id, r.id AS review_id, r.stage::text AS stage, r.project_id, r.application_id, a.expert_user_id, a.assigned_at
    FROM expert_assignment a JOIN expert_review r ON r.id = a.review_id
   WHERE ${reviewOpenSql('r')}
     AND NOT EXISTS (SELECT 1 FROM expert_opinion o WHERE o.review_id = r.id AND o.expert_user_id = a.expert_user_id AND o.superseded_at IS NULL)`;
