import { Field, ID, ObjectType } from 'type-graphql';
import { Column, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { Organization } from '../organization';

/**
 * What a reminder goes to belongs to an organisation: the columns an e-mail recipient and a
 * webhook share (each adds the role it receives for, with its own description, and its address).
 */
@ObjectType()
export abstract class OrganizationTarget {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn()
  organization: Relation<Organization>;

  @Column('uuid')
  organizationId: string;
}
