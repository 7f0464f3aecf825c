/** The audit module's public face: the append-only, SM3-chained audit log (审计记录). */
export { AuditBreakKind, AuditOutcome } from './audit.enums';
export { AuditRecorder } from './audit.recorder';
export { AuditResolver, OtherHistoryResolvers, ProjectHistoryResolver, ResourceHistoryResolver } from './audit.resolver';
export { AUDIT_READERS, AuditService } from './audit.service';
export { AUDIT_STATEMENTS_PER_MUTATION, rowHash, sm3 } from './audit.chain';
