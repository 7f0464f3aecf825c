import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { AcceptanceApplication } from './acceptance-application.entity';
import { ExpertConclusion } from './acceptance.enums';

/** 专家意见 (第六条、第二十五条): one per expert and application. */
@ObjectType({ description: "专家意见 — an expert's opinion on an acceptance application" })
@Entity()
@Index(['applicationId', 'expertUserId'], { unique: true })
export class ExpertOpinion {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @ManyToOne(() => AcceptanceApplication, { onDelete: 'RESTRICT' })
  @JoinColumn()
  application: Relation<AcceptanceApplication>;

  @Column('uuid')
  applicationId: string;

  @Field({ description: '专家 — user id of the expert' })
  @Column({ length: 200 })
  expertUserId: string;

  @Column({ type: 'uuid', nullable: true })
  expertOrganizationId: string | null;

  @Field({ description: '意见 — the opinion' })
  @Column({ type: 'text' })
  opinion: string;

  @Field(() => ExpertConclusion)
  @Column({ type: 'enum', enum: ExpertConclusion, enumName: 'expert_conclusion' })
  conclusion: ExpertConclusion;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
