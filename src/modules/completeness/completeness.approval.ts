import type { EntityManager } from 'typeorm';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { GapReason } from './completeness.enums';
import { COUNTS_SQL, GAPS_SQL } from './completeness.sql';

/**
 * 第九条: 信息资源共享是审批政务信息化项目的必备条件. The project's sharing analysis as the
 * completeness figures define it (completeness.sql.ts CHECKED: one definition for the writes' rules,
 * the figures and approval), counting at approval the gaps of the analysis itself — each entry
 * states its sharing type, openness and frequency, a condition or a legal basis where its type
 * needs one, opens to the public only what it shares, and a shareable entry has an interface that
 * is not withdrawn. Left out, because they come later in the project's life: NOT_PUBLISHED (the
 * bureau reviews entries as they are submitted, 第五条), NOT_MOUNTED, NEVER_AGGREGATED and STALE
 * (mounting and aggregation happen during construction and operation, 第十七条), and the data items
 * (NO_DATA_ITEMS, MALFORMED_ITEMS: the 第八条 catalogue, checked when an entry is submitted).
 * In this order, for each entry by code; the field names the entry and what to complete.
 */
const AT_APPROVAL: [GapReason, attribute: string, message: (code: string) => string][] = [
  [GapReason.MISSING_SHARING_TYPE, 'sharingType', (c) => `信息资源 ${c} 未确定共享类型`],
  [GapReason.MISSING_OPEN_TYPE, 'openType', (c) => `信息资源 ${c} 未确定开放类型`],
  [GapReason.MISSING_FREQUENCY, 'updateFrequency', (c) => `信息资源 ${c} 未确定更新周期`],
  [GapReason.NO_INTERFACE, 'interfaces', (c) => `可共享的信息资源 ${c} 没有可用的共享接口`],
  [GapReason.MISSING_CONDITION, 'sharingCondition', (c) => `有条件共享的信息资源 ${c} 未填写共享条件`],
  [GapReason.MISSING_LEGAL_BASIS, 'legalBasis', (c) => `不予共享的信息资源 ${c} 未填写法律法规依据`],
  [GapReason.MISSING_OPEN_CONDITION, 'openCondition', (c) => `有条件开放的信息资源 ${c} 未填写开放条件`],
  [GapReason.OPEN_BUT_NOT_SHARED, 'openType', (c) => `信息资源 ${c} 不予共享或未定共享类型，却向社会开放`],
];
const ORDER = new Map(AT_APPROVAL.map(([reason], i) => [reason, i]));

/** The sharing analysis's problems for projectApprove (第九条), one per gap: the project module asks for them (wired in services.ts). */
export async function sharingAnalysisProblems(em: EntityManager, projectId: string): Promise<UserError[]> {
  // Neither the instant nor the grace matters to these reasons (they are timeliness's).
  const params = [['approval'], [projectId], new Date().toISOString(), 0];
  const [counts]: { resources: number }[] = await em.query(COUNTS_SQL, params);
  if (!counts?.resources) return [userError(UserErrorCode.RULE_VIOLATION, '项目尚未登记任何信息资源，缺少政务信息资源共享分析', ['resources'], '第九条')];
  const gaps: { code: string; reason: GapReason }[] = await em.query(GAPS_SQL, params);
  return gaps
    .filter((g) => ORDER.has(g.reason))
    .sort((a, b) => (a.code === b.code ? ORDER.get(a.reason)! - ORDER.get(b.reason)! : a.code < b.code ? -1 : 1))
    .map((g) => {
      const [, attribute, message] = AT_APPROVAL[ORDER.get(g.reason)!];
      return userError(UserErrorCode.RULE_VIOLATION, message(g.code), ['resources', g.code, attribute], '第九条');
    });
}
