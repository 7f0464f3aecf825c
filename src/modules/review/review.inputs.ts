import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdInput } from '../../common/input-fields';
import { ExpertConclusion } from './review.enums';

const MAX_EXPERTS = 20;
const MAX_OPINION = 5000;

@InputType({
  description:
    '指派评审专家 — the leading-group office assigns experts to the review of a declared project (第十条) or of an acceptance application (第二十五条); give exactly one of projectId, applicationId',
})
export class ExpertAssignInput {
  @IdInput('项目', { description: '已申报的项目（建设计划和建设方案评审）— a DECLARED project, for its plan review (第十条)', optional: true })
  projectId?: string | null;

  @IdInput('验收申请', { description: '竣工验收申请 — an acceptance application under review (第二十五条)', optional: true })
  applicationId?: string | null;

  @Field(() => [String], { description: `专家用户ID，1至${MAX_EXPERTS}个 — user ids of the experts, 1 to ${MAX_EXPERTS}` })
  @ArrayMinSize(1, { message: '请至少指派一位专家' })
  @ArrayMaxSize(MAX_EXPERTS, { message: `一次最多指派${MAX_EXPERTS}位专家` })
  expertUserIds: string[];
}

@InputType({
  description:
    "登记或修订专家意见 — an assigned expert's opinion on a declared project's plan (第十条) or an acceptance application (第二十五条); exactly one of projectId, applicationId. A second call revises it; earlier versions are kept",
})
export class ExpertOpinionRecordInput {
  @IdInput('验收申请', { description: '验收申请 — the acceptance application (第二十五条)', optional: true })
  applicationId?: string | null;

  @IdInput('项目', { description: '已申报的项目 — the declared project whose plan is reviewed (第十条)', optional: true })
  projectId?: string | null;

  @Field({ description: `意见 — the opinion, at most ${MAX_OPINION} characters` })
  @IsNotEmpty({ message: '专家意见不能为空' })
  @MaxLength(MAX_OPINION, { message: `专家意见不能超过${MAX_OPINION}个字符` })
  opinion: string;

  @Field(() => ExpertConclusion)
  conclusion: ExpertConclusion;
}
