import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { AuditBreakKind, AuditOutcome } from './audit.enums';

@ObjectType({ description: '字段变更 — one field of a changed row, before and after (JSON text)' })
export class AuditFieldChange {
  @Field({ description: '字段（数据库列名）— the column' })
  name: string;

  @Field(() => String, { nullable: true, description: '修改前（JSON）— the value before, as JSON; null when the row was inserted' })
  before: string | null;

  @Field(() => String, { nullable: true, description: '修改后（JSON）— the value after, as JSON; null when the row was deleted' })
  after: string | null;
}

@ObjectType({ description: '行变更 — one row a mutation inserted, changed or deleted' })
export class AuditChange {
  @Field({ description: '表 — the table' })
  table: string;

  @Field({ description: 'INSERT、UPDATE 或 DELETE' })
  op: string;

  @Field(() => String, { nullable: true, description: '行ID — the row id (null for a link row)' })
  rowId: string | null;

  @Field(() => [AuditFieldChange], { description: '变更的字段 — the fields that changed (all of them for an insert or delete)' })
  fields: AuditFieldChange[];
}

@ObjectType({ description: '审计记录 — one entry of the append-only, hash-chained audit log (第四条、第三十四条；网络安全法 第二十一条)' })
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field({ description: '链中序号 — position in the chain (1, 2, …)' })
  seq: string;

  @Field({ description: '记录时间 — when it was recorded' })
  recordedAt: Date;

  @Field(() => String, { nullable: true, description: '操作人 — the user or service account (null for an unknown caller)' })
  actorId: string | null;

  @Field(() => String, { nullable: true, description: '操作人名称 — its name, when the caller carries one' })
  actorName: string | null;

  @Field(() => String, { nullable: true, description: '操作人类型 — user or service account, when the caller says' })
  actorKind: string | null;

  @Field(() => [String], { description: '角色 — the caller’s roles' })
  roles: string[];

  @Field(() => ID, { nullable: true, description: '所属单位 — the caller’s organisation' })
  organizationId: string | null;

  @Field({ description: '操作 — the mutation (or security event, or HTTP route)' })
  operation: string;

  @Field(() => AuditOutcome)
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: '对象类型 — e.g. Project, InformationResource, SharingInterface' })
  targetType: string | null;

  @Field(() => String, { nullable: true, description: '对象ID' })
  targetId: string | null;

  @Field(() => [AuditChange], { description: '变更 — the rows the mutation changed, before and after' })
  changes: AuditChange[];

  @Field(() => String, { nullable: true, description: '附加信息（JSON）— details of a security event (reason, how many like it were not recorded)' })
  detail: string | null;

  @Field(() => String, { nullable: true, description: '请求ID — the request (X-Request-Id)' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: '客户端地址 — the client’s network address' })
  clientAddress: string | null;

  @Field({ description: '前一条的哈希（SM3）— hash of the entry before it' })
  prevHash: string;

  @Field({ description: '本条哈希（SM3，GB/T 32905）— over the canonical content and prevHash' })
  hash: string;
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry) {}

@ObjectType({ description: '审计链断点 — the first entry where the chain does not hold' })
export class AuditBreak {
  @Field({ description: '序号 — seq of the entry' })
  seq: string;

  @Field(() => ID, { nullable: true })
  entryId: string | null;

  @Field(() => Date, { nullable: true })
  recordedAt: Date | null;

  @Field(() => AuditBreakKind)
  kind: AuditBreakKind;

  @Field({ description: '说明（中文）' })
  message: string;
}

@ObjectType({ description: '审计链校验结果 — the chain recomputed over a period' })
export class AuditVerification {
  @Field({ description: '链完整 — true when every entry of the period hashes and links correctly' })
  ok: boolean;

  @Field(() => Int, { description: '校验条数 — entries checked' })
  checked: number;

  @Field(() => String, { nullable: true, description: '首条序号' })
  firstSeq: string | null;

  @Field(() => String, { nullable: true, description: '末条序号' })
  lastSeq: string | null;

  @Field(() => AuditBreak, { nullable: true, description: '第一个断点 — the first broken link, null when ok' })
  firstBroken: AuditBreak | null;
}
