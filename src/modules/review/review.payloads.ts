import { ObjectType } from 'type-graphql';
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
