/** The completeness module's public face: the six figures and their gaps (第十七条), computed by PostgreSQL. */
export { GAP_REASON_LABEL, GapReason } from './completeness.enums';
export { completenessLoaders } from './completeness.loaders';
export { CompletenessGapResolver, CompletenessResolver, OrganizationCompletenessResolver, ProjectCompletenessResolver } from './completeness.resolver';
export { CompletenessService } from './completeness.service';
export type { CompletenessFilter } from './completeness.inputs';
export { WINDOW_HOURS } from './completeness.sql';
export type { CompletenessCounts } from './completeness.types';
/** 第十七条 timeliness per interface, as SQL for the to-dos of stale interfaces. */
export { freshSql, staleInterfacesSql } from './completeness.sql';
/** 第九条: the sharing analysis that projectApprove needs, from the completeness definition (wired into the project module by services.ts). */
export { sharingAnalysisProblems } from './completeness.approval';
