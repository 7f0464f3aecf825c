import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { IdColumn, RestrictedReference } from '../../common/columns';
import { AcceptanceApplication } from './acceptance-application.entity';
import { AcceptanceDocumentKind } from './acceptance.enums';

/** A document of the acceptance materials, by reference: title, file, SHA-256, optional URL. */
@ObjectType({ description: '验收材料 — a document of the acceptance materials, by reference' })
@Entity()
@Index(['applicationId', 'kind'], { unique: true })
export class AcceptanceDocument {
  @IdColumn()
  id: string;

  @RestrictedReference(() => AcceptanceApplication)
  application: Relation<AcceptanceApplication>;

  @Column('uuid')
  applicationId: string;

  @Field(() => AcceptanceDocumentKind)
  @Column({ type: 'enum', enum: AcceptanceDocumentKind, enumName: 'acceptance_document_kind' })
  kind: AcceptanceDocumentKind;

  @Field({ description: '标题 — title' })
  @Column({ length: 200 })
  title: string;

  @Field({ description: '文件名 — file name' })
  @Column({ length: 255 })
  fileName: string;

  @Field({ description: 'SHA-256（64位十六进制）— SHA-256 of the file, 64 hex digits' })
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Field(() => String, { nullable: true, description: '存放地址 — where the file can be fetched' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Field({ description: '提交时间 — when it was attached' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  attachedAt: Date;
}
