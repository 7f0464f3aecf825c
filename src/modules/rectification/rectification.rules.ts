import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { RECTIFICATION_STATUS_LABEL, RectificationStatus } from './rectification.enums';
import type { ProjectRectification } from './rectification.entity';

/*
 * 第三十三条: 发现建设项目未实现批复的建设目标或未达到预期效果的，要求项目建设单位限期整改；对拒不整改或
 * 整改后仍不符合要求的，对其进行通报批评、暂缓拨付建设资金及运维经费、暂停项目建设，直至终止项目.
 * The rules of a rectification; nothing here writes.
 */

/** 限期: a due date is a day after today (Asia/Shanghai). */
export function dueDateProblem(dueOn: string, today: string, field: string[]): UserError | null {
  if (dueOn > today) return null;
  return userError(UserErrorCode.OUT_OF_RANGE, `整改期限 ${dueOn} 须晚于今天（北京时间 ${today}）`, field, '第三十三条');
}

/** 拒不整改: the report is owed and the due date has passed. */
export const overdue = (r: Pick<ProjectRectification, 'status' | 'dueOn'>, today: string): boolean =>
  (r.status === RectificationStatus.ORDERED || r.status === RectificationStatus.REFUSED) && r.dueOn < today;

/**
 * 拒不整改或整改后仍不符合要求: only an overdue or refused rectification may be followed by suspension
 * or (from rectifying) termination; a report waiting for the office's decision is decided first.
 */
export function sanctionProblem(r: Pick<ProjectRectification, 'status' | 'dueOn'>, today: string, label: string, field: string[]): UserError | null {
  if (r.status === RectificationStatus.REFUSED || overdue(r, today)) return null;
  const why = r.status === RectificationStatus.REPORTED ? '项目单位已报告整改情况，须先作出整改验收结论' : `整改期限 ${r.dueOn} 未到，且整改未被认定不合格`;
  return userError(UserErrorCode.RULE_VIOLATION, `${why}，不能${label}（拒不整改或整改后仍不符合要求的，方可${label}）`, field, '第三十三条');
}

/** The report is owed (ORDERED or REFUSED) for `projectRectificationReport`, and waits (REPORTED) for accept and refuse. */
export function rectificationStepProblem(
  r: Pick<ProjectRectification, 'status'>,
  wanted: RectificationStatus[],
  label: string,
  field: string[],
): UserError | null {
  if (wanted.includes(r.status)) return null;
  const allowed = wanted.map((s) => `「${RECTIFICATION_STATUS_LABEL[s]}」`).join('或');
  return userError(
    UserErrorCode.INVALID_TRANSITION,
    `整改当前为「${RECTIFICATION_STATUS_LABEL[r.status]}」，不能${label}（须为${allowed}）`,
    field,
    '第三十三条',
  );
}
