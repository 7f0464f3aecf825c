import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, Index, Relation } from 'typeorm';
import { CreatedAtColumn, IdColumn, RestrictedReference, UpdatedAtColumn } from '../../common/columns';
import { OrganizationKind } from './organization.enums';

export const CREDIT_CODE_KEY = 'organization_credit_code_key';

@ObjectType({ description: '单位 — an organisation of the district: town, subdistrict, park, department or unit' })
@Entity()
export class Organization {
  @IdColumn()
  id: string;

  @Field({ description: '单位名称 — name' })
  @Column({ length: 100 })
  name: string;

  @Field({ description: '统一社会信用代码 — unified social credit code (GB 32100), unique' })
  @Index(CREDIT_CODE_KEY, { unique: true })
  @Column({ length: 18 })
  creditCode: string;

  @Field(() => OrganizationKind, { description: '单位类型 — kind' })
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  /** 主管单位; exposed through `Organization.supervisor`, loaded by DataLoader. */
  @RestrictedReference(() => Organization, { nullable: true })
  supervisor: Relation<Organization> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  supervisorId: string | null;

  @CreatedAtColumn('创建时间 — created at')
  createdAt: Date;

  @UpdatedAtColumn('更新时间 — updated at')
  updatedAt: Date;
}
