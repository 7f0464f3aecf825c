import { ArrayMaxSize, ArrayMinSize, IsOptional, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { stacked } from '../../common/decorators';
import { TextInput } from '../../common/input-fields';
import { DateScalar } from '../../graphql/scalars';
import { ProjectActionInput } from '../project';
import { RectificationStatus } from './rectification.enums';

const MAX_TEXT = 4000;
const MAX_ITEMS = 50;
const MAX_ITEM = 500;

/** A list of one to MAX_ITEMS texts of at most MAX_ITEM characters (the findings, the materials), each refusal in its own words. */
const TextList = (description: string, refusals: { none: string; tooMany: string; tooLong: string }): PropertyDecorator =>
  stacked(
    Field(() => [String], { description }),
    ArrayMinSize(1, { message: refusals.none }),
    ArrayMaxSize(MAX_ITEMS, { message: refusals.tooMany }),
    MaxLength(MAX_ITEM, { each: true, message: refusals.tooLong }),
  );

@InputType({ description: '责令限期整改 — order a project unit to rectify by a due date (领导小组办公室, 第三十三条)' })
export class ProjectRectificationOrderInput extends ProjectActionInput {
  @TextInput('整改理由', MAX_TEXT, { description: '整改理由 — why (未实现批复的建设目标或未达到预期效果), required', fillIn: '请填写整改理由' })
  reason: string;

  @TextList('问题清单 — the gaps or findings to rectify, at least one', {
    none: '请至少列出一项需整改的问题',
    tooMany: `问题清单不能超过${MAX_ITEMS}项`,
    tooLong: `每项问题不能超过${MAX_ITEM}个字符`,
  })
  findings: string[];

  @Field(() => DateScalar, { description: '整改期限 — due date, after today (Asia/Shanghai)' })
  dueOn: string;
}

@InputType({ description: '报告整改情况 — the project unit reports its rectification, with its materials (第三十三条)' })
export class ProjectRectificationReportInput extends ProjectActionInput {
  @TextInput('整改情况', MAX_TEXT, { description: '整改情况 — what was done, required', fillIn: '请填写整改情况' })
  report: string;

  @TextList('整改材料 — the materials (document names or references), at least one', {
    none: '请至少提供一份整改材料',
    tooMany: `整改材料不能超过${MAX_ITEMS}份`,
    tooLong: `每份材料的名称不能超过${MAX_ITEM}个字符`,
  })
  materials: string[];
}

@InputType({ description: '整改验收通过 — accept the reported rectification; the project returns to its earlier status (第三十三条)' })
export class ProjectRectificationAcceptInput extends ProjectActionInput {
  @TextInput('验收意见', MAX_TEXT, { description: '验收意见 — note, optional', optional: true })
  note?: string;
}

@InputType({ description: '整改验收不通过 — refuse the reported rectification, with the reason (第三十三条)' })
export class ProjectRectificationRefuseInput extends ProjectActionInput {
  @TextInput('理由', MAX_TEXT, { description: '不通过的理由 — reason, required', fillIn: '请填写不通过的理由' })
  reason: string;

  @Field(() => DateScalar, { nullable: true, description: '新的整改期限 — a new due date, after today; omitted: the due date stays' })
  @IsOptional()
  dueOn?: string;
}

@InputType({ description: '暂停、恢复或终止项目 — a sanction step of 第三十三条, with the reason' })
export class ProjectSanctionInput extends ProjectActionInput {
  @TextInput('理由', MAX_TEXT, { description: '理由 — reason, required, recorded in the history', fillIn: '请填写理由' })
  reason: string;
}

@InputType({ description: '恢复项目建设 — lift the suspension; the rectification continues with a new due date (第三十三条)' })
export class ProjectResumeInput extends ProjectSanctionInput {
  @Field(() => DateScalar, { description: '新的整改期限 — new due date of the rectification, after today' })
  dueOn: string;
}

const STATUSES = Object.values(RectificationStatus).length;

@InputType({ description: '整改筛选 — which rectifications to list (第三十三条)' })
export class RectificationFilter {
  @Field(() => [RectificationStatus], { nullable: true, description: '状态 — any of these; unset: the open ones (整改中、已报告、整改不合格)' })
  @IsOptional()
  @ArrayMaxSize(STATUSES, { message: `状态至多${STATUSES}个` })
  status?: RectificationStatus[] | null;

  @Field(() => ID, { nullable: true, description: '单位 — rectifications of the projects it builds (lead or co-building unit)' })
  organizationId?: string | null;

  @Field(() => Boolean, { nullable: true, description: '仅已逾期 — only those whose report is owed (整改中、整改不合格) and past its due date' })
  overdueOnly?: boolean | null;
}
