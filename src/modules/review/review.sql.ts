import { ProjectStatus } from '../project';
import { ReviewStage } from './review.enums';

/**
 * SQL: the latest declaration (ProjectTransition into DECLARED) of the project aliased `p` — the one
 * a plan review reviews (第十条). A rejection or a change followed by a new declaration opens a new round.
 */
export const latestDeclarationSql = (p: string): string =>
  `(SELECT ld.id FROM project_transition ld WHERE ld.project_id = ${p}.id AND ld.to_status = '${ProjectStatus.DECLARED}'
     ORDER BY ld.at DESC, ld.id DESC LIMIT 1)`;

/**
 * SQL condition: the review aliased `r` of the project aliased `p` is open — opinions may be given
 * and revised, experts assigned. A plan review while its declaration is the project's current one
 * and the project is DECLARED (approval or rejection ends it, 第十条); an acceptance review until
 * its result is recorded, while the project is ACCEPTANCE_APPLIED (第二十五条). The mutations check the
 * same (review.service.ts openReviewFor), on the locked rows.
 */
export const reviewOpenSql = (r: string, p: string): string =>
  `((${r}.stage = '${ReviewStage.PLAN}' AND ${p}.status = '${ProjectStatus.DECLARED}' AND ${r}.declaration_id = ${latestDeclarationSql(p)})
    OR (${r}.stage = '${ReviewStage.ACCEPTANCE}' AND ${r}.decided_at IS NULL AND ${p}.status = '${ProjectStatus.ACCEPTANCE_APPLIED}'))`;

/**
 * 第六条: the open reviews an expert is assigned to and has not yet given an opinion in, for the
 * to-dos (columns assignment_id, review_id, stage, project_id, application_id, expert_user_id,
 * assigned_at).
 */
export const OPEN_ASSIGNMENTS_WITHOUT_OPINION = `
  SELECT a.id AS assignment_id, r.id AS review_id, r.stage::text AS stage, r.project_id, r.application_id, a.expert_user_id, a.assigned_at
    FROM expert_assignment a JOIN expert_review r ON r.id = a.review_id JOIN project p ON p.id = r.project_id
   WHERE ${reviewOpenSql('r', 'p')}
     AND NOT EXISTS (SELECT 1 FROM expert_opinion o WHERE o.review_id = r.id AND o.expert_user_id = a.expert_user_id AND o.superseded_at IS NULL)`;
