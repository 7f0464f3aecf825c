import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { DateScalar } from '../../graphql/scalars';

/** 期限类别: the deadlines the hub watches (DESIGN §4), each by its article. */
export enum DeadlineKind {
  PLAN_DECLARATION = 'PLAN_DECLARATION',
  ACCEPTANCE_EARLIEST = 'ACCEPTANCE_EARLIEST',
  ACCEPTANCE_WINDOW = 'ACCEPTANCE_WINDOW',
  ACCEPTANCE_APPLICATION = 'ACCEPTANCE_APPLICATION',
  FILING = 'FILING',
  SHARING_REQUEST_ANSWER = 'SHARING_REQUEST_ANSWER',
  RECTIFICATION_REPORT = 'RECTIFICATION_REPORT',
}

registerEnumType(DeadlineKind, {
  name: 'DeadlineKind',
  description: '期限类别 — kind of deadline',
  valuesConfig: {
    PLAN_DECLARATION: { description: "报送建设计划 — a draft project's plan for year Y is due by 30 September of Y−1 (第七条)" },
    ACCEPTANCE_EARLIEST: {
      description:
        '最早验收日期 — acceptance is held, in principle, from 3 months after go-live: an acceptance dated earlier needs a recorded reason (earlyAcceptanceReason); the application is not bound by it; listed until that date, never overdue (第二十四条)',
    },
    ACCEPTANCE_WINDOW: { description: '竣工验收期限 — acceptance completed within 12 months of go-live (第二十四条)' },
    ACCEPTANCE_APPLICATION: { description: '提交竣工验收申请 — application within 1 month of the end of trial operation (第二十五条)' },
    FILING: { description: '验收报告备案 — filing within 1 month of acceptance; unfiled projects get no further funds (第二十六条)' },
    SHARING_REQUEST_ANSWER: { description: '答复共享申请 — the provider answers within 10 working days (国发〔2016〕51号)' },
    RECTIFICATION_REPORT: {
      description: '限期整改 — the project unit reports its rectification by the due date the office set, also while suspended (第三十三条)',
    },
  },
});

/** One thing due: a project's duty under the regulation, or a pending sharing request's answer. */
@ObjectType({ description: '期限 — something due, with its due date in the Asia/Shanghai calendar' })
export class Deadline {
  @Field(() => DeadlineKind)
  kind: DeadlineKind;

  @Field(() => String, {
    nullable: true,
    description: '依据条款 — article of the regulation, e.g. 第七条; null for the sharing-request rule (国发〔2016〕51号)',
  })
  article: string | null;

  @Field({ description: '规则（中文）— the rule, in Chinese' })
  rule: string;

  @Field(() => DateScalar, { description: '到期日（含当日）— due date, the last day in time' })
  dueOn: string;

  @Field(() => Int, { description: '距到期日的天数（自然日，逾期为负）— calendar days from today (Asia/Shanghai) to the due date, negative when overdue' })
  daysLeft: number;

  @Field({ description: '已逾期 — today is after the due date' })
  overdue: boolean;

  /** Resolved as `project`: the project of a project deadline; null for a sharing request. */
  projectId: string | null;

  /** Resolved as `sharingRequest`. */
  sharingRequestId: string | null;

  /** Resolved as `organization`: the project's lead unit, or the request's providing organisation. */
  organizationId: string;
}

@ObjectType()
export class DeadlineConnection extends Connection(Deadline) {}

@InputType({ description: '期限筛选 — deadline filter; every condition given must hold' })
export class DeadlineFilter {
  @Field(() => ID, {
    nullable: true,
    description: '单位 — items of its projects (lead or co-building) and the sharing requests it must answer or made',
  })
  organizationId?: string | null;

  @Field(() => DeadlineKind, { nullable: true })
  kind?: DeadlineKind | null;

  @Field(() => Boolean, { nullable: true, description: '仅已逾期 — only those past their due date' })
  overdueOnly?: boolean | null;

  @Field(() => Int, { nullable: true, description: '到期日在今后N天内（含已逾期）— due within N days from today, overdue included (0..3660)' })
  withinDays?: number | null;
}
