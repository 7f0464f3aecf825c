import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation, UpdateDateColumn } from 'typeorm';
import { OrganizationKind } from './organization.enums';

export const CREDIT_CODE_KEY = 'organization_credit_code_key';

@ObjectType({ description: '单位 — an organisation of the district: town, subdistrict, park, department or unit' })
@Entity()
export class Organization {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
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
  @ManyToOne(() => Organization, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  supervisor: Relation<Organization> | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  supervisorId: string | null;

  @Field({ description: '创建时间 — created at' })
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Field({ description: '更新时间 — updated at' })
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
