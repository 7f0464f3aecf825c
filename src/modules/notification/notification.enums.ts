import { registerEnumType } from 'type-graphql';

/** 提醒事件类别: what the outbox records, each delivered to webhooks at once and in the daily e-mail digest. */
export enum NotificationEventKind {
  RESOURCE_RETURNED = 'RESOURCE_RETURNED',
  SHARING_REQUEST_CREATED = 'SHARING_REQUEST_CREATED',
  DEADLINE_DUE_7 = 'DEADLINE_DUE_7',
  DEADLINE_DUE_3 = 'DEADLINE_DUE_3',
  DEADLINE_DUE_1 = 'DEADLINE_DUE_1',
  DEADLINE_OVERDUE = 'DEADLINE_OVERDUE',
  AGGREGATION_FAILING = 'AGGREGATION_FAILING',
  REVIEW_ASSIGNED = 'REVIEW_ASSIGNED',
  RECTIFICATION_ORDERED = 'RECTIFICATION_ORDERED',
  RECTIFICATION_REPORTED = 'RECTIFICATION_REPORTED',
  RECTIFICATION_DECIDED = 'RECTIFICATION_DECIDED',
  CO_BUILDING_PROPOSED = 'CO_BUILDING_PROPOSED',
}

registerEnumType(NotificationEventKind, {
  name: 'NotificationEventKind',
  description: '提醒事件类别 — kind of reminder event',
  valuesConfig: {
    RESOURCE_RETURNED: { description: '目录被退回 — the bureau returned a catalogue entry to its provider (第五条)' },
    SHARING_REQUEST_CREATED: { description: "收到共享申请 — a sharing request waits for the provider's answer (国发〔2016〕51号)" },
    DEADLINE_DUE_7: { description: '期限临近（7天内）— a deadline falls within 7 days' },
    DEADLINE_DUE_3: { description: '期限临近（3天内）— a deadline falls within 3 days' },
    DEADLINE_DUE_1: { description: '期限临近（明日或今日）— a deadline falls tomorrow or today' },
    DEADLINE_OVERDUE: { description: '已逾期 — a deadline has passed' },
    AGGREGATION_FAILING: { description: "归集持续失败 — an interface's last runs all failed (第十七条)" },
    REVIEW_ASSIGNED: {
      description:
        '指派专家评审 — the office assigned experts to a plan review (第十条) or an acceptance review (第二十五条); data.expertUserIds names them (第六条)',
    },
    RECTIFICATION_ORDERED: { description: '责令限期整改 — the office ordered a project to rectify by a due date (第三十三条)' },
    RECTIFICATION_REPORTED: { description: '整改情况已报告 — a project unit reported its rectification; the office decides (第三十三条)' },
    RECTIFICATION_DECIDED: {
      description: '整改结论或处置 — the rectification was accepted or refused, or the project suspended, resumed or terminated (第三十三条)',
    },
    CO_BUILDING_PROPOSED: { description: '共建提议 — a lead unit named the organisation as co-building unit; it accepts or declines (第十四条)' },
  },
});

/** 投递状态 of one event to one webhook. */
export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

registerEnumType(DeliveryStatus, {
  name: 'DeliveryStatus',
  description: '投递状态 — delivery status',
  valuesConfig: {
    PENDING: { description: '待投递 — waiting for its first attempt or a retry' },
    DELIVERED: { description: '已送达 — the receiver answered 2xx' },
    FAILED: { description: '已放弃 — every attempt failed' },
  },
});
