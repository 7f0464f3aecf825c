import { Field, ID, ObjectType } from 'type-graphql';
import { Payload } from '../../graphql/payload';
import { ExpertOpinion } from './expert-opinion.entity';
import { ExpertReview } from './expert-review.entity';

@ObjectType()
export class ExpertAssignPayload extends Payload(
  'expertReview',
  ExpertReview,
  '指派后的评审；有 userErrors 时为空 — the review after the assignment; null when refused',
) {}

@ObjectType()
export class ExpertOpinionRecordPayload extends Payload(
  'expertOpinion',
  ExpertOpinion,
  '登记的专家意见（当前版本）；有 userErrors 时为空 — the opinion recorded, now the current version; null when refused',
) {}

/** The most experts `experts` lists at once; narrow with `nameContains` (the district's expert group is a few dozen). */
export const EXPERT_LIST_CAP = 100;

@ObjectType({ description: '专家咨询小组成员 — an enabled expert account the office may assign to a review (第六条)' })
export class Expert {
  @Field(() => ID, { description: '用户ID（指派时用于 expertUserIds）— the user id, as `ExpertAssignInput.expertUserIds` takes it' })
  userId: string;

  @Field({ description: '姓名 — name' })
  name: string;

  @Field(() => String, { nullable: true, description: '所属单位名称（无单位时为空）— the organisation’s name; null when the account has none' })
  organizationName: string | null;
}
