import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { IdInput, IdListInput, LockVersionInput, TextInput } from '../../common/input-fields';
import { DateScalar, DecimalScalar } from '../../graphql/scalars';
import { ConstructionPlan } from './construction-plan.embedded';
import { CloudDeployment, ProjectCategory, ProjectStatus } from './project.enums';
import { MAX_BUDGET_SPAN } from './project.rules';

const MAX_CO_BUILDING_UNITS = 50;
const MAX_NOTE = 2000;

@InputType({ description: '年度预算 — the budget of one year (第八条)' })
export class ProjectBudgetYearInput {
  @Field(() => Int, { description: '预算年度 — year, from the plan year on' })
  @Min(2000, { message: '预算年度须在2000到2100之间' })
  @Max(2100, { message: '预算年度须在2000到2100之间' })
  year: number;

  @Field(() => DecimalScalar, { description: '金额（元）— amount in yuan, > 0, at most two decimals' })
  amount: string;
}

@InputType({ description: "新建项目 — a new project; the lead unit is the caller's organisation" })
export class ProjectCreateInput {
  @Field({ nullable: true, description: '项目编号 — project code; generated as SC-<计划年度>-<4位序号> when omitted' })
  @IsOptional()
  @MaxLength(32, { message: '项目编号不能超过32个字符' })
  @Matches(/^[A-Z0-9][A-Z0-9-]*$/, { message: '项目编号只能包含大写字母、数字和连字符' })
  code?: string;

  @Field({ description: '项目名称 — name, 2-200 characters' })
  @MinLength(2, { message: '项目名称不能少于2个字符' })
  @MaxLength(200, { message: '项目名称不能超过200个字符' })
  name: string;

  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Field(() => Int, { description: '计划年度 — plan year, 2000-2100' })
  @Min(2000, { message: '计划年度须在2000到2100之间' })
  @Max(2100, { message: '计划年度须在2000到2100之间' })
  planYear: number;

  @Field(() => DecimalScalar, { description: '总预算（元）— total budget in yuan, > 0 (第八条)' })
  totalBudget: string;

  @Field(() => Int, { nullable: true, description: '建设工期起始年度 — first year of construction, 2000-2100 (第八条)' })
  @IsOptional()
  @Min(2000, { message: '建设工期年度须在2000到2100之间' })
  @Max(2100, { message: '建设工期年度须在2000到2100之间' })
  constructionStartYear?: number;

  @Field(() => Int, { nullable: true, description: '建设工期结束年度 — last year of construction, 2000-2100 (第八条)' })
  @IsOptional()
  @Min(2000, { message: '建设工期年度须在2000到2100之间' })
  @Max(2100, { message: '建设工期年度须在2000到2100之间' })
  constructionEndYear?: number;

  @Field(() => [ProjectBudgetYearInput], { nullable: true, description: '分年度预算 — per-year budgets (第八条)' })
  @IsOptional()
  @ArrayMaxSize(MAX_BUDGET_SPAN, { message: `分年度预算不能超过${MAX_BUDGET_SPAN}个年度` })
  @ValidateNested({ each: true })
  budgetYears?: ProjectBudgetYearInput[];

  @TextInput('资金来源', 200, { description: '资金来源 — funding source (第八条)', optional: true })
  fundingSource?: string;

  @Field(() => ConstructionPlan, { nullable: true, description: '建设方案 — construction scheme (第八条)' })
  @IsOptional()
  @ValidateNested()
  plan?: ConstructionPlan;

  @Field(() => CloudDeployment, { nullable: true, description: '部署方式，默认区政务云 — deployment, district cloud by default (第十六条)' })
  @IsOptional()
  cloudDeployment?: CloudDeployment;

  @TextInput('不上区政务云的理由', MAX_NOTE, { description: '不使用区政务云的理由 — reason, required unless on the district cloud (第十六条)', optional: true })
  cloudReason?: string;

  @Field({ nullable: true, description: '跨部门、跨领域共建共享 — cross-department project (第八条、第十四条)' })
  @IsOptional()
  crossDepartment?: boolean;

  @IdListInput('共建单位', MAX_CO_BUILDING_UNITS, '共建单位 — co-building units (第八条、第十四条)')
  coBuildingUnitIds?: string[];

  @IdInput('被升级项目', { description: '被升级的原项目 — the project this one upgrades (第二十八条)', optional: true })
  upgradesProjectId?: string;
}

@InputType({ description: '项目修改内容 — changes to a project; omitted fields stay as they are, null clears an optional one' })
export class ProjectChangesInput {
  @Field(() => String, { nullable: true, description: '项目名称 — name, 2-200 characters' })
  @IsOptional()
  @MinLength(2, { message: '项目名称不能少于2个字符' })
  @MaxLength(200, { message: '项目名称不能超过200个字符' })
  name?: string | null;

  @Field(() => ProjectCategory, { nullable: true })
  @IsOptional()
  category?: ProjectCategory | null;

  @Field(() => Int, { nullable: true, description: '计划年度 — plan year, 2000-2100' })
  @IsOptional()
  @Min(2000, { message: '计划年度须在2000到2100之间' })
  @Max(2100, { message: '计划年度须在2000到2100之间' })
  planYear?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: '总预算（元）— total budget in yuan (第八条)' })
  @IsOptional()
  totalBudget?: string | null;

  @Field(() => Int, { nullable: true, description: '建设工期起始年度 — first year of construction, 2000-2100 (第八条)' })
  @IsOptional()
  @Min(2000, { message: '建设工期年度须在2000到2100之间' })
  @Max(2100, { message: '建设工期年度须在2000到2100之间' })
  constructionStartYear?: number | null;

  @Field(() => Int, { nullable: true, description: '建设工期结束年度 — last year of construction, 2000-2100 (第八条)' })
  @IsOptional()
  @Min(2000, { message: '建设工期年度须在2000到2100之间' })
  @Max(2100, { message: '建设工期年度须在2000到2100之间' })
  constructionEndYear?: number | null;

  @Field(() => [ProjectBudgetYearInput], {
    nullable: true,
    description: '分年度预算，整体替换；null 或 [] 清空 — per-year budgets, replaced as a whole (第八条)',
  })
  @IsOptional()
  @ArrayMaxSize(MAX_BUDGET_SPAN, { message: `分年度预算不能超过${MAX_BUDGET_SPAN}个年度` })
  @ValidateNested({ each: true })
  budgetYears?: ProjectBudgetYearInput[] | null;

  @TextInput('资金来源', 200, { description: '资金来源 — funding source (第八条)', optional: true })
  fundingSource?: string | null;

  @Field(() => ConstructionPlan, { nullable: true, description: '建设方案，未给出的章节不变 — construction scheme sections (第八条)' })
  @IsOptional()
  @ValidateNested()
  plan?: ConstructionPlan | null;

  @Field(() => CloudDeployment, { nullable: true, description: '部署方式 — deployment (第十六条)' })
  @IsOptional()
  cloudDeployment?: CloudDeployment | null;

  @TextInput('不上区政务云的理由', MAX_NOTE, { description: '不使用区政务云的理由 — reason (第十六条)', optional: true })
  cloudReason?: string | null;

  @Field(() => Boolean, { nullable: true, description: '跨部门、跨领域共建共享 — cross-department project (第八条、第十四条)' })
  @IsOptional()
  crossDepartment?: boolean | null;

  @IdListInput('共建单位', MAX_CO_BUILDING_UNITS, '共建单位，整体替换 — co-building units, replaced as a whole (第八条、第十四条)')
  coBuildingUnitIds?: string[] | null;

  @IdInput('被升级项目', { description: '被升级的原项目；null 清除 — the project this one upgrades (第二十八条)', optional: true })
  upgradesProjectId?: string | null;
}

/** The project a lifecycle mutation acts on. */
@InputType({ description: '项目操作 — the project an action applies to' })
export class ProjectActionInput {
  @IdInput('项目', { description: '项目ID — project id' })
  projectId: string;

  @LockVersionInput()
  lockVersion?: number;
}

@InputType({ description: '修改项目 — change a draft or rejected project (第十五条: approved projects use projectRequestChange)' })
export class ProjectUpdateInput extends ProjectActionInput {
  @Field(() => ProjectChangesInput)
  @ValidateNested()
  changes: ProjectChangesInput;
}

@InputType({ description: '项目状态变更 — a status change with an optional note' })
export class ProjectTransitionInput extends ProjectActionInput {
  @TextInput('说明', MAX_NOTE, { description: '说明或意见 — note or opinion, recorded in the history', optional: true })
  note?: string;
}

@InputType({ description: '申报项目 — declare a draft or rejected project to the leading-group office (第七条、第八条)' })
export class ProjectDeclareInput extends ProjectTransitionInput {}

@InputType({ description: '列入年度计划 — approve a declared project (第九条、第十条)' })
export class ProjectApproveInput extends ProjectTransitionInput {}

@InputType({ description: '开始建设 — start building an approved project (第十二条)' })
export class ProjectStartConstructionInput extends ProjectTransitionInput {}

@InputType({ description: '退回项目 — reject a declared project, with the reason (第十条)' })
export class ProjectRejectInput extends ProjectActionInput {
  @TextInput('退回理由', MAX_NOTE, { description: '退回理由 — reason, required', fillIn: '请填写退回理由' })
  reason: string;
}

@InputType({ description: '上线试运行 — go-live of the system (第二十四条)' })
export class ProjectGoLiveInput extends ProjectTransitionInput {
  @Field(() => DateScalar, { description: '上线运行日期，不晚于今天（北京时间）— go-live date, not in the future (Asia/Shanghai)' })
  goLiveDate: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '计划试运行结束日期，须晚于上线日期 — planned end of trial operation, after the go-live date (第二十四条、第二十五条)',
  })
  @IsOptional()
  trialEndDate?: string;
}

@InputType({ description: '申请变更 — change an approved project and apply again (第十五条)' })
export class ProjectRequestChangeInput extends ProjectActionInput {
  @TextInput('变更说明', MAX_NOTE, { description: '变更说明 — what changes and why, required (第十五条)', fillIn: '请填写变更说明' })
  description: string;

  @Field(() => ProjectChangesInput)
  @ValidateNested()
  changes: ProjectChangesInput;
}

@InputType({ description: '项目筛选 — project filter' })
export class ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus;

  @Field(() => Int, { nullable: true, description: '计划年度 — plan year' })
  planYear?: number;

  @Field(() => ID, { nullable: true, description: '单位（牵头或共建）— lead or co-building unit' })
  organizationId?: string;

  @Field(() => ProjectCategory, { nullable: true })
  category?: ProjectCategory;

  @Field({ nullable: true, description: '名称包含 — name contains this substring' })
  nameContains?: string;
}

@InputType({ description: '答复共建提议 — accept or decline being a co-building unit of a project (第十四条)' })
export class CoBuildingAnswerInput extends ProjectActionInput {
  @TextInput('说明', MAX_NOTE, { description: '说明 — note, recorded in the history', optional: true })
  note?: string;
}
