import { Field, ID, ObjectType } from 'type-graphql';
import { Payload } from '../../graphql/payload';
import { AcceptanceApplication } from './acceptance-application.entity';

/** Every acceptance mutation but the expert's answers with the application as it now stands, or with userErrors and nothing written. */
const ApplicationPayload = Payload(
  'acceptanceApplication',
  AcceptanceApplication,
  '操作后的验收申请；有 userErrors 时为空 — the application after the action; null when refused',
);

@ObjectType()
export class AcceptanceApplyPayload extends ApplicationPayload {}

@ObjectType()
export class AcceptanceRecordResultPayload extends ApplicationPayload {}

@ObjectType()
export class AcceptanceFilePayload extends ApplicationPayload {}

@ObjectType({ description: '快照后变化的目录条目 — a catalogue entry changed since the snapshot' })
export class SnapshotResourceChange {
  @Field({ description: '信息资源代码 — resource code' })
  code: string;

  @Field(() => [String], { description: '变化的字段名 — names of the changed fields, e.g. sharingType, dataItems' })
  fields: string[];
}

@ObjectType({ description: '快照后增加、删除或变化的共享接口 — a sharing interface added, removed or changed since the snapshot' })
export class SnapshotInterfaceChange {
  @Field(() => ID)
  id: string;

  @Field({ description: '所属信息资源代码 — code of the resource it serves' })
  resourceCode: string;

  @Field({ description: '访问地址（现值；删除的为快照值）— endpoint as it now stands, or as frozen when removed' })
  endpoint: string;

  @Field(() => [String], { description: '变化的字段名（增加、删除时为空）— names of the changed fields, e.g. mountStatus; empty when added or removed' })
  fields: string[];
}

@ObjectType({ description: '快照以来的变化 — what changed in the live catalogue and sharing list since the snapshot' })
export class AcceptanceSnapshotDiff {
  @Field(() => [String], { description: '新增的目录条目代码 — codes of entries added (or brought back from retirement)' })
  resourcesAdded: string[];

  @Field(() => [String], { description: '移除的目录条目代码 — codes of entries gone or retired' })
  resourcesRemoved: string[];

  @Field(() => [SnapshotResourceChange], { description: '变化的目录条目，按代码 — entries changed, by code' })
  resourcesChanged: SnapshotResourceChange[];

  @Field(() => [SnapshotInterfaceChange], { description: '新增的共享接口 — interfaces added' })
  interfacesAdded: SnapshotInterfaceChange[];

  @Field(() => [SnapshotInterfaceChange], { description: '移除的共享接口 — interfaces gone' })
  interfacesRemoved: SnapshotInterfaceChange[];

  @Field(() => [SnapshotInterfaceChange], { description: '变化的共享接口 — interfaces changed' })
  interfacesChanged: SnapshotInterfaceChange[];
}
