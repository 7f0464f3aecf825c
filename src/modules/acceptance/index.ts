/** The acceptance module's public face: applications, documents, expert opinions and frozen snapshots (第二十四条至第二十六条). */
export { AcceptanceApplication } from './acceptance-application.entity';
export { AcceptanceDocument } from './acceptance-document.entity';
export { AcceptanceSnapshot } from './acceptance-snapshot.entity';
export { AcceptanceDocumentKind, AcceptanceResult, ExpertConclusion } from './acceptance.enums';
export { AcceptanceApplyInput, AcceptanceDocumentInput, AcceptanceFileInput, AcceptanceRecordResultInput, ExpertOpinionRecordInput } from './acceptance.inputs';
export { acceptanceLoaders } from './acceptance.loaders';
export { AcceptanceResolver, AcceptanceSnapshotResolver, ProjectAcceptanceResolver } from './acceptance.resolver';
export { lateApplication, timingProblems } from './acceptance.rules';
export { AcceptanceService } from './acceptance.service';
export { ExpertOpinion } from './expert-opinion.entity';
