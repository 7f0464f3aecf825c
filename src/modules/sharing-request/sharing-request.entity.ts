import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, NullableInstant, NullableText, RestrictedReference } from '../../common/columns';
import { Organization } from '../organization';
import { InformationResource } from '../catalogue';
import { DateScalar } from '../../graphql/scalars';
import { SharingRequestStatus } from './sharing-request.enums';

export const PENDING_REQUEST_KEY = 'sharing_request_pending_key';

/** 共享申请 — a consuming organisation asks for a CONDITIONAL resource; the provider answers in 10 working days. */
@ObjectType({ description: '共享申请 — a request to use a conditionally shared resource' })
@Entity()
@Index(PENDING_REQUEST_KEY, { synchronize: false }) // unique (resource_id, consumer_organization_id) WHERE status = 'PENDING', in the migration
export class SharingRequest {
  @IdColumn()
  id: string;

  @RestrictedReference(() => InformationResource)
  resource: Relation<InformationResource>;

  @Index()
  @Column('uuid')
  resourceId: string;

  @RestrictedReference(() => Organization)
  consumerOrganization: Relation<Organization>;

  @Index()
  @Column('uuid')
  consumerOrganizationId: string;

  @Field({ description: '申请人 — user id of the requester' })
  @Column({ length: 200 })
  requestedBy: string;

  @Field({ description: '用途 — purpose of use' })
  @Column({ type: 'text' })
  purpose: string;

  @Field(() => SharingRequestStatus)
  @Index()
  @Column({ type: 'enum', enum: SharingRequestStatus, enumName: 'sharing_request_status', default: SharingRequestStatus.PENDING })
  status: SharingRequestStatus;

  @CreatedAtColumn()
  requestedAt: Date;

  @Field(() => DateScalar, { description: '答复期限（10个工作日）— answer due date, 10 working days' })
  @Column({ type: 'date' })
  dueOn: string;

  @NullableInstant()
  answeredAt: Date | null;

  @Field(() => String, { nullable: true, description: '答复人 — user id of the provider who answered' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  answeredBy: string | null;

  @NullableText('拒绝理由 — reason of refusal')
  rejectionReason: string | null;
}
