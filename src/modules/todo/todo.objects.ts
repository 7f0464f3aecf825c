import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { DateScalar } from '../../graphql/scalars';

/** 待办类别: what waits for whom. */
export enum TodoKind {
  RESOURCE_REVIEW = 'RESOURCE_REVIEW',
  RESOURCE_REVISION = 'RESOURCE_REVISION',
  SHARING_REQUEST_ANSWER = 'SHARING_REQUEST_ANSWER',
  INTERFACE_FAILING = 'INTERFACE_FAILING',
  INTERFACE_STALE = 'INTERFACE_STALE',
  PLAN_DECISION = 'PLAN_DECISION',
  ACCEPTANCE_DECISION = 'ACCEPTANCE_DECISION',
  FILING_OVERDUE = 'FILING_OVERDUE',
  PLAN_DECLARATION = 'PLAN_DECLARATION',
  ACCEPTANCE_APPLICATION = 'ACCEPTANCE_APPLICATION',
  ACCEPTANCE_WINDOW = 'ACCEPTANCE_WINDOW',
  FILING = 'FILING',
  EXPERT_REVIEW = 'EXPERT_REVIEW',
  RECTIFICATION_REPORT = 'RECTIFICATION_REPORT',
  RECTIFICATION_DECISION = 'RECTIFICATION_DECISION',
  CO_BUILDING_ANSWER = 'CO_BUILDING_ANSWER',
}

registerEnumType(TodoKind, {
  name: 'TodoKind',
  description: '待办类别 — kind of to-do',
  valuesConfig: {
    RESOURCE_REVIEW: { description: '审核目录 — a submitted catalogue entry to review (大数据管理局, 第五条)' },
    RESOURCE_REVISION: { description: '修改退回的目录 — a returned entry to revise and submit again (提供单位, 第五条)' },
    SHARING_REQUEST_ANSWER: { description: '答复共享申请 — a request to answer within 10 working days (提供单位, 国发〔2016〕51号)' },
    INTERFACE_FAILING: { description: '归集连续失败 — an interface whose last runs all failed (提供单位、大数据管理局, 第十七条)' },
    INTERFACE_STALE: { description: '归集不及时 — an interface whose last success is older than its update window (提供单位、大数据管理局, 第十七条)' },
    PLAN_DECISION: {
      description: '建设计划待决定 — a declared plan to have reviewed by the experts and then list in the annual plan or return (领导小组办公室, 第十条)',
    },
    ACCEPTANCE_DECISION: { description: '验收申请待决定 — an acceptance application to decide (领导小组办公室, 第二十五条)' },
    FILING_OVERDUE: { description: '备案逾期 — an accepted project not filed in time (领导小组办公室, 第二十六条)' },
    PLAN_DECLARATION: { description: "报送建设计划 — a draft project's plan due by 30 September (项目建设单位, 第七条)" },
    ACCEPTANCE_APPLICATION: { description: '提交竣工验收申请 — due within 1 month of the end of trial operation (项目建设单位, 第二十五条)' },
    ACCEPTANCE_WINDOW: { description: '完成竣工验收 — within 12 months of go-live (项目建设单位, 第二十四条)' },
    FILING: { description: '验收报告备案 — within 1 month of acceptance (项目建设单位, 第二十六条)' },
    EXPERT_REVIEW: {
      description:
        '专家评审 — a review the office assigned to the caller, waiting for their opinion: a declared plan (第十条) or an acceptance application (第二十五条) (专家, 第六条)',
    },
    RECTIFICATION_REPORT: { description: '报告整改情况 — a rectification to report by its due date (项目建设单位, 第三十三条)' },
    RECTIFICATION_DECISION: { description: '整改验收 — a reported rectification to accept or refuse (领导小组办公室, 第三十三条)' },
    CO_BUILDING_ANSWER: { description: '答复共建提议 — the organisation was named as co-building unit; accept or decline (项目建设单位, 第十四条)' },
  },
});

/** One thing waiting for the caller. */
@ObjectType({ description: '待办事项 — one thing waiting for the caller, with its rule and, where the rule sets one, its due date' })
export class TodoItem {
  @Field(() => TodoKind)
  kind: TodoKind;

  @Field(() => String, { nullable: true, description: '依据条款 — article of the regulation, e.g. 第五条; null for the sharing-request rule' })
  article: string | null;

  @Field({ description: '规则（中文）— the rule, in Chinese' })
  rule: string;

  @Field(() => DateScalar, { nullable: true, description: '到期日 — due date (Asia/Shanghai); null when the rule sets none' })
  dueOn: string | null;

  @Field(() => Int, { nullable: true, description: '剩余天数（逾期为负）— calendar days left, negative when overdue; null without a due date' })
  daysLeft: number | null;

  @Field({ description: '已逾期 — past its due date' })
  overdue: boolean;

  @Field(() => Date, { nullable: true, description: '发生时间 — since when it waits (submission, request, last success, application…)' })
  since: Date | null;

  projectId: string | null;
  resourceId: string | null;
  interfaceId: string | null;
  sharingRequestId: string | null;
  applicationId: string | null;
  organizationId: string | null;
}

@ObjectType({ description: '待办数量 — count of one kind, for a badge' })
export class TodoKindCount {
  @Field(() => TodoKind)
  kind: TodoKind;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class TodoItemConnection extends Connection(TodoItem) {
  @Field(() => [TodoKindCount], { description: "按类别计数（不受筛选影响）— counts per kind of all the caller's to-dos, whatever the filter" })
  countsByKind: TodoKindCount[];

  @Field(() => Int, { description: "全部待办数 — all the caller's to-dos, whatever the filter (the badge)" })
  allCount: number;
}

@InputType({ description: '待办筛选 — to-do filter; every condition given must hold' })
export class TodoFilter {
  @Field(() => TodoKind, { nullable: true })
  kind?: TodoKind | null;

  @Field(() => Int, {
    nullable: true,
    description: '今后N天内到期（含已逾期）— due within N days, overdue included; items without a due date are left out (0..3660)',
  })
  dueWithinDays?: number | null;

  @Field(() => Boolean, { nullable: true, description: '仅已逾期 — only those past their due date' })
  overdueOnly?: boolean | null;
}
