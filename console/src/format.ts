/** Dates in Beijing time, whatever the browser's zone; enum values in their Chinese terms (from the schema). */
import labels from 'virtual:hub-labels';

const instant = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A `DateTime` as 2026-12-01 17:05 (Beijing time). */
export function when(value: string | null | undefined): string {
  if (!value) return '—';
  const parts = Object.fromEntries(instant.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A `Date` (already a calendar day in Asia/Shanghai). */
export const day = (value: string | null | undefined) => value ?? '—';

/** Today in Beijing as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function label(type: string, value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return labels[type]?.[value] ?? value;
}

/** [{ value, label }] of an enum, for a select. */
export function options(type: string): { value: string; label: string }[] {
  return Object.entries(labels[type] ?? {}).map(([value, text]) => ({ value, label: text }));
}

export const percent = (ratio: number | null | undefined) => (ratio === null || ratio === undefined ? '—' : `${(ratio * 100).toFixed(1)}%`);

export const yuan = (amount: string) => `¥${Number(amount).toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`;

/** The step names of a project's history (the `action` of its transitions). */
const ACTIONS: Record<string, string> = {
  projectCreate: '新建项目',
  projectUpdate: '修改项目',
  projectDeclare: '申报项目',
  projectApprove: '列入年度计划',
  projectReject: '退回项目',
  projectStartConstruction: '开始建设',
  projectGoLive: '上线试运行',
  projectRequestChange: '申请变更',
  acceptanceApply: '申请竣工验收',
  acceptancePass: '验收通过',
  acceptanceFail: '验收不合格',
  acceptanceFile: '验收备案',
  operationStart: '转入运维',
};
export const actionName = (action: string) => ACTIONS[action] ?? action;
