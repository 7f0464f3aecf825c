import { registerEnumType } from 'type-graphql';

/** What an audit entry records: a mutation that succeeded, or a security event. */
export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
}

registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: '审计结果 — what an audit entry records',
  valuesConfig: {
    SUCCESS: { description: '操作成功 — a mutation that succeeded and wrote' },
    FORBIDDEN: { description: '越权被拒 — a caller refused for its role (FORBIDDEN)' },
    UNAUTHENTICATED: { description: '令牌被拒 — a token that was refused (bad signature, expired, malformed)' },
    SIGN_IN_FAILED: { description: '登录失败 — a failed sign-in' },
  },
});

/** How the chain of the audit log is broken at an entry. */
export enum AuditBreakKind {
  CONTENT_ALTERED = 'CONTENT_ALTERED',
  LINK_BROKEN = 'LINK_BROKEN',
  ENTRY_MISSING = 'ENTRY_MISSING',
}

registerEnumType(AuditBreakKind, {
  name: 'AuditBreakKind',
  description: '审计链断裂类型 — how the audit chain is broken',
  valuesConfig: {
    CONTENT_ALTERED: { description: '内容被改 — the entry no longer hashes to its stored hash' },
    LINK_BROKEN: { description: '链接断裂 — the entry does not name the hash of the entry before it' },
    ENTRY_MISSING: { description: '记录缺失 — entries are missing before this one (or at the end of the chain)' },
  },
});
