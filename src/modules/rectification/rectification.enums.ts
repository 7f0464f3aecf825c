import { registerEnumType } from 'type-graphql';

/** 整改状态: one rectification ordered by the leading-group office (第三十三条). */
export enum RectificationStatus {
  ORDERED = 'ORDERED',
  REPORTED = 'REPORTED',
  REFUSED = 'REFUSED',
  ACCEPTED = 'ACCEPTED',
  CLOSED = 'CLOSED',
}

export const RECTIFICATION_STATUS_LABEL: Record<RectificationStatus, string> = {
  ORDERED: '整改中',
  REPORTED: '已报告整改情况',
  REFUSED: '整改不合格',
  ACCEPTED: '整改通过',
  CLOSED: '项目已终止',
};

registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '整改状态 — status of a rectification (第三十三条)',
  valuesConfig: {
    ORDERED: { description: '整改中 — ordered; the project unit owes its report by the due date' },
    REPORTED: { description: '已报告整改情况 — the unit reported; the office accepts or refuses' },
    REFUSED: { description: '整改不合格 — the office refused the report; the unit reports again, or the project is suspended or terminated' },
    ACCEPTED: { description: '整改通过 — accepted; the project is back in its earlier status' },
    CLOSED: { description: '项目已终止 — closed by the termination of the project' },
  },
});

/** The statuses of a rectification still open: at most one per project. */
export const OPEN_RECTIFICATION = [RectificationStatus.ORDERED, RectificationStatus.REPORTED, RectificationStatus.REFUSED] as const;

/** The statuses in which the unit owes its report (第三十三条 限期整改). */
export const REPORT_OWED = [RectificationStatus.ORDERED, RectificationStatus.REFUSED] as const;
