/** The acceptance module's public face: applications, documents, expert opinions and frozen snapshots (第二十四条至第二十六条). */
export { AcceptanceApplication } from './acceptance-application.entity';
export { AcceptanceDocument } from './acceptance-document.entity';
export { AcceptanceSnapshot } from './acceptance-snapshot.entity';
export { ACCEPTANCE_DOCUMENT_KIND_LABEL, ACCEPTANCE_RESULT_LABEL, AcceptanceDocumentKind, AcceptanceResult } from './acceptance.enums';
export { AcceptanceApplyInput, AcceptanceDocumentInput, AcceptanceFileInput, AcceptanceRecordResultInput } from './acceptance.inputs';
export { acceptanceLoaders } from './acceptance.loaders';
export { AcceptanceResolver, AcceptanceSnapshotResolver, ProjectAcceptanceResolver } from './acceptance.resolver';
export { FIGURE_NAMES, acceptanceDateProblems, lateAcceptance, lateApplication, mayReadApplications, timingProblems } from './acceptance.rules';
export { snapshotDelta, verifySnapshot } from './acceptance.snapshot';
export type { SnapshotContent } from './acceptance.snapshot';
export { AcceptanceService } from './acceptance.service';
/** 第二十五条: applications the office has not decided, as SQL for the to-dos. */
export { UNDECIDED_APPLICATIONS } from './acceptance.sql';
/** 第二十六条: passed applications whose report is not filed yet, as SQL for the deadlines. */
export { PASSED_UNFILED_APPLICATIONS } from './acceptance.sql';
