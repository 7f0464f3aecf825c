/**
 * 专家评审 — the expert review module's public face (第六条、第十条、第二十五条): reviews of declared
 * plans and of acceptance applications, the experts assigned, their opinions and every version.
 * `expertDirectory` (review.rules.ts) is the seam with user accounts.
 */
export { ExpertAssignment } from './expert-assignment.entity';
export { ExpertOpinion } from './expert-opinion.entity';
export { ExpertReview } from './expert-review.entity';
export { EXPERT_CONCLUSION_LABEL, ExpertConclusion, REVIEW_STAGE_LABEL, ReviewStage } from './review.enums';
export { ExpertAssignInput, ExpertOpinionRecordInput } from './review.inputs';
export { reviewLoaders } from './review.loaders';
export { ExpertAssignmentResolver, ExpertOpinionResolver, ProjectReviewResolver, ReviewResolver } from './review.resolver';
export { expertDirectory } from './review.rules';
export type { ExpertEntry } from './review.rules';
export { ReviewService, acceptanceReviewProblems, closeAcceptanceReview, openAcceptanceReview, planReviewCheck } from './review.service';
/** 第六条: open reviews waiting for an assigned expert's opinion, as SQL for the to-dos. */
export { OPEN_ASSIGNMENTS_WITHOUT_OPINION } from './review.sql';
