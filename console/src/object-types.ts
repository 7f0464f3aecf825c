/**
 * The kinds of object the audit log names (an entry's `targetType`: the hub's entity names), in
 * Chinese: the one map the audit page's column, filter and history drawer read. Every entity of the
 * hub has its label here (test/console-details.test.ts checks it against the hub's entities).
 */
export const OBJECT_TYPES: Record<string, string> = {
  Project: '项目',
  InformationResource: '信息资源',
  SharingInterface: '共享接口',
  SharingRequest: '共享申请',
  // the junction table of an interface's consumers (第九条), named when its row is the only one a change touched
  sharing_interface_consumer: '共享接口使用单位',
  AcceptanceApplication: '竣工验收申请',
  Organization: '单位',
  User: '用户',
  ApiToken: 'API 令牌',
  UserSession: '登录会话',
  ExpertReview: '专家评审',
  ExpertAssignment: '专家指派',
  ExpertOpinion: '专家意见',
  ProjectRectification: '限期整改',
  ProjectTransition: '项目状态变更',
  ProjectCoBuildingUnit: '共建单位',
  ProjectBudgetYear: '年度预算',
  DataItem: '信息项',
  ResourceVersion: '信息资源发布版本',
  ResourceRevision: '信息资源修订',
  AggregationRun: '归集记录',
  InterfaceRunTimes: '接口归集时间',
  ResourceRunTimes: '资源归集时间',
  AcceptanceDocument: '验收材料',
  AcceptanceSnapshot: '验收快照',
  WorkingCalendarYear: '工作日历年度',
  NotificationEvent: '提醒事件',
  Webhook: '回调地址',
  WebhookDelivery: '回调投递',
  WebhookAttempt: '回调投递记录',
  EmailRecipient: '提醒邮箱',
  EmailDigest: '每日提醒摘要',
  CalendarFeedToken: '日历订阅令牌',
  IdempotencyKey: '幂等请求记录',
  // entries written before the application was its own entity
  Acceptance: '竣工验收',
};

/** An object type by its Chinese name ('—' for none; an unknown one as it is). */
export const objectTypeName = (t: string | null | undefined): string => (t ? (OBJECT_TYPES[t] ?? t) : '—');
