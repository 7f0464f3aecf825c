import { COMPLETENESS_FIGURES, CompletenessFigureName, Config } from '../../config';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import type { CompletenessCounts } from '../completeness';
import type { Caller } from '../../common/caller';
import { isBuildingUnit, isOversight, type Project } from '../project';
import { addMonths } from '../../common/dates';
import { AcceptanceDocumentKind as K } from './acceptance.enums';

/*
 * The rules of acceptance (第二十四条至第二十六条), each next to its article. The service applies
 * them; nothing here reads or writes the database.
 */

// ── The materials ─────────────────────────────────────────────────────────────────────────────

export const DOCUMENT_NAMES: Record<K, string> = {
  [K.CONSTRUCTION_SUMMARY]: '项目建设总结',
  [K.FINANCIAL_REPORT]: '财务报告',
  [K.SHARING_CATALOGUE]: '信息资源共享目录',
  [K.SECURITY_ASSESSMENT]: '第三方机构网络安全检测评估报告',
  [K.SHARING_LIST]: '信息资源共享清单',
  [K.SOFTWARE_HARDWARE_CONTROLLABILITY]: '软硬件产品网络安全可控资料',
  [K.TECHNICAL_DOCUMENTATION]: '技术开发文档',
  [K.CRYPTOGRAPHY_ASSESSMENT]: '密码应用安全性评估报告',
};

/** What a set of documents must and may hold, and the article it comes from. */
export interface DocumentRule {
  required: readonly K[];
  allowed: readonly K[];
  article: string;
  /** The step, in Chinese, for messages. */
  label: string;
}

/** 第二十五条: 竣工验收申请报告应包含项目建设总结、财务报告、信息资源共享目录和第三方机构网络安全检测评估报告. */
export const APPLICATION_DOCUMENTS: DocumentRule = {
  required: [K.CONSTRUCTION_SUMMARY, K.FINANCIAL_REPORT, K.SHARING_CATALOGUE, K.SECURITY_ASSESSMENT],
  allowed: [K.CONSTRUCTION_SUMMARY, K.FINANCIAL_REPORT, K.SHARING_CATALOGUE, K.SECURITY_ASSESSMENT],
  article: '第二十五条',
  label: '竣工验收申请',
};

/**
 * 第二十六条: 竣工验收报告应包括……软硬件产品网络安全可控资料，以及技术开发文档和信息资源共享清单 — required
 * for a pass; 第二十条、第二十一条: the cryptography assessment may come with it. A failed acceptance needs none.
 */
const RESULT_KINDS = [K.SHARING_LIST, K.SOFTWARE_HARDWARE_CONTROLLABILITY, K.TECHNICAL_DOCUMENTATION, K.CRYPTOGRAPHY_ASSESSMENT];
export const PASSED_DOCUMENTS: DocumentRule = {
  required: [K.SHARING_LIST, K.SOFTWARE_HARDWARE_CONTROLLABILITY, K.TECHNICAL_DOCUMENTATION],
  allowed: RESULT_KINDS,
  article: '第二十六条',
  label: '竣工验收报告',
};
export const FAILED_DOCUMENTS: DocumentRule = { ...PASSED_DOCUMENTS, required: [] };

/** One error per document of a kind not belonging here or given twice, and per required kind missing. */
export function documentProblems(kinds: K[], rule: DocumentRule, path: string[]): UserError[] {
  const out: UserError[] = [];
  const seen = new Set<K>();
  kinds.forEach((kind, i) => {
    const at = [...path, String(i), 'kind'];
    if (!rule.allowed.includes(kind)) {
      out.push(userError(UserErrorCode.INVALID, `「${DOCUMENT_NAMES[kind]}」不属于${rule.label}材料`, at, rule.article));
    } else if (seen.has(kind)) {
      out.push(userError(UserErrorCode.DUPLICATE, `「${DOCUMENT_NAMES[kind]}」重复提交`, at, rule.article));
    }
    seen.add(kind);
  });
  for (const kind of rule.required) {
    if (!seen.has(kind)) out.push(userError(UserErrorCode.REQUIRED, `${rule.label}材料缺少「${DOCUMENT_NAMES[kind]}」`, path, rule.article));
  }
  return out;
}

// ── Timing (Asia/Shanghai calendar dates, YYYY-MM-DD) ──────────────────────────────────────────

/**
 * 第二十五条: 项目建设单位应在系统试运行结束后一个月内……提交竣工验收申请报告 — the application follows
 * the end of trial operation (and needs the go-live date it is counted from, 第二十四条). The three
 * months of 第二十四条 bind the acceptance itself (acceptanceDateProblems), not the application, so a
 * short trial leaves the unit a way to comply. Overdue is allowed (`late`).
 */
export function timingProblems(today: string, project: Pick<Project, 'goLiveDate' | 'trialEndDate'>): UserError[] {
  const field = ['input', 'projectId'];
  if (!project.goLiveDate) return [userError(UserErrorCode.REQUIRED, '项目未登记上线运行日期，不能申请竣工验收', field, '第二十四条')];
  if (project.trialEndDate && today < project.trialEndDate) {
    return [userError(UserErrorCode.RULE_VIOLATION, `试运行至 ${project.trialEndDate} 结束，试运行结束后方可申请竣工验收`, field, '第二十五条')];
  }
  return [];
}

/** 第二十五条: applied later than one month after the end of trial operation — allowed, shown late (the ACCEPTANCE_APPLICATION deadline). */
export function lateApplication(appliedOn: string, trialEndDate: string | null): boolean {
  return trialEndDate !== null && appliedOn > addMonths(trialEndDate, 1);
}

/**
 * 第二十四条: 项目竣工验收原则上应在系统上线运行三个月后进行 — an acceptance dated earlier than three
 * calendar months after go-live (Asia/Shanghai) needs a recorded reason (原则上: the rule admits
 * exceptions, stated); the ACCEPTANCE_EARLIEST deadline is that same day.
 */
export function acceptanceDateProblems(acceptedOn: string, goLiveDate: string | null, reason: string | null | undefined): UserError[] {
  if (!goLiveDate || reason) return [];
  const earliest = addMonths(goLiveDate, 3);
  if (acceptedOn >= earliest) return [];
  return [
    userError(
      UserErrorCode.REQUIRED,
      `系统于 ${goLiveDate} 上线运行，竣工验收原则上在上线运行三个月后（${earliest} 起）进行；${acceptedOn} 验收须填写提前验收的理由`,
      ['input', 'earlyAcceptanceReason'],
      '第二十四条',
    ),
  ];
}

/** 第二十四条: 系统上线运行至完成项目竣工验收的时间最长不超过一年 — accepted later than twelve months after go-live: allowed, flagged late. */
export function lateAcceptance(acceptedOn: string | null, goLiveDate: string | null): boolean {
  return acceptedOn !== null && goLiveDate !== null && acceptedOn > addMonths(goLiveDate, 12);
}

// ── Completeness at acceptance (第九条) ────────────────────────────────────────────────────────

export const FIGURE_NAMES: Record<CompletenessFigureName, string> = {
  catalogued: '编目率',
  metadata: '元数据完整率',
  interfaces: '接口覆盖率',
  mounted: '挂接率',
  aggregated: '归集率',
  timely: '及时率',
};

const percent = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')}%`;

/**
 * 第九条: 信息资源共享的完整性……是项目验收的重要依据 — one error per figure of the snapshot below its
 * threshold, each naming `overrideReason`, the field that lets it pass. A figure with nothing to
 * count (0/0) meets any threshold.
 */
export function thresholdProblems(counts: CompletenessCounts, thresholds: Config['acceptanceThresholds']): UserError[] {
  const out: UserError[] = [];
  for (const figure of COMPLETENESS_FIGURES) {
    const threshold = thresholds[figure];
    const { numerator, denominator } = counts[figure];
    if (threshold === undefined || denominator === 0 || numerator / denominator >= threshold) continue;
    out.push(
      userError(
        UserErrorCode.RULE_VIOLATION,
        `验收快照的${FIGURE_NAMES[figure]}为 ${percent(numerator / denominator)}（${numerator}/${denominator}），低于通过阈值 ${percent(threshold)}；确需通过的，须填写完整性未达标仍通过的理由`,
        ['input', 'overrideReason'],
        '第九条',
      ),
    );
  }
  return out;
}

/**
 * Who reads a project's acceptance applications, their snapshots, materials and opinions: the
 * oversight roles (第六条 experts, the office, the bureau, auditors) and the project's building units.
 */
export function mayReadApplications(caller: Caller | null, project: Pick<Project, 'leadUnitId'>, coBuildingUnitIds: string[]): boolean {
  return isOversight(caller) || isBuildingUnit(caller, project, coBuildingUnitIds);
}
