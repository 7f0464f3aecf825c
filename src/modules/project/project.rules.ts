import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { Role } from '../../common/role.enums';
import { ConstructionPlan, PLAN_SECTIONS } from './construction-plan.embedded';
import { CloudDeployment, ProjectCategory, ProjectStatus as S } from './project.enums';
import { SHANGHAI_OFFSET_MS } from '../../common/dates';

/*
 * The rules of a project's life, each next to the article it comes from (grep 第N条).
 * The service applies them; nothing here writes.
 */

// ── The status machine ────────────────────────────────────────────────────────────────────────

export interface TransitionRule {
  /** Statuses the action may start from; empty for the action that creates the project. */
  from: readonly S[];
  /** Status after the action; `null` keeps the status (an edit). */
  to: S | null;
  /** The role the caller acts in; PROJECT_UNIT actions are also limited to the project's building units (第十三条). */
  role: Role;
  /** The article that allows the action, cited when the status does not. */
  article?: string;
  /** The action in Chinese, for messages. */
  label: string;
}

/**
 * Every allowed transition, in one place; the key is the `action` of its ProjectTransition row, and the mutation
 * where one mutation takes one step. The acceptance mutations take more: acceptanceRecordResult takes
 * acceptancePass or acceptanceFail, acceptanceFile takes acceptanceFile then operationStart.
 * The rectification steps of 第三十三条 (the rectification module takes them) close the table.
 */
/** 第三十三条: the statuses after approval from which the office may order rectification. */
export const RECTIFIABLE = [
  S.APPROVED,
  S.UNDER_CONSTRUCTION,
  S.TRIAL_OPERATION,
  S.ACCEPTANCE_APPLIED,
  S.ACCEPTED,
  S.ACCEPTANCE_FAILED,
  S.FILED,
  S.IN_OPERATION,
] as const;

/** 第三十三条: rectifying or suspended — a rectification is open. */
export const SANCTIONED = [S.RECTIFYING, S.SUSPENDED] as const;

const NOT_TERMINATED = Object.values(S).filter((s) => s !== S.TERMINATED);

export const PROJECT_TRANSITIONS = {
  projectCreate: { from: [], to: S.DRAFT, role: Role.PROJECT_UNIT, article: '第七条', label: '新建项目' },
  // 第十五条: once in the annual plan, changes go through projectRequestChange and a new approval.
  projectUpdate: { from: [S.DRAFT, S.REJECTED], to: null, role: Role.PROJECT_UNIT, article: '第十五条', label: '修改项目' },
  // 第七条: the unit submits its plan and construction scheme to the leading-group office.
  projectDeclare: { from: [S.DRAFT, S.REJECTED], to: S.DECLARED, role: Role.PROJECT_UNIT, article: '第七条', label: '申报项目' },
  // 第十条: reviewed projects enter the annual plan — or do not.
  projectApprove: { from: [S.DECLARED], to: S.APPROVED, role: Role.LEADING_GROUP_OFFICE, article: '第十条', label: '列入年度计划' },
  projectReject: { from: [S.DECLARED], to: S.REJECTED, role: Role.LEADING_GROUP_OFFICE, article: '第十条', label: '退回项目' },
  // 第十二条: a project not in the annual plan is not built.
  projectStartConstruction: { from: [S.APPROVED], to: S.UNDER_CONSTRUCTION, role: Role.PROJECT_UNIT, article: '第十二条', label: '开始建设' },
  // 第二十四条: go-live starts trial operation, which acceptance follows.
  projectGoLive: { from: [S.UNDER_CONSTRUCTION], to: S.TRIAL_OPERATION, role: Role.PROJECT_UNIT, article: '第二十四条', label: '上线试运行' },
  // 第十五条: changing an approved project means applying again.
  projectRequestChange: { from: [S.APPROVED, S.UNDER_CONSTRUCTION], to: S.DECLARED, role: Role.PROJECT_UNIT, article: '第十五条', label: '申请变更' },
  // 第二十五条: after trial operation the unit applies for acceptance; 第三十三条: after a failed one, rectified, it applies again.
  acceptanceApply: {
    from: [S.TRIAL_OPERATION, S.ACCEPTANCE_FAILED],
    to: S.ACCEPTANCE_APPLIED,
    role: Role.PROJECT_UNIT,
    article: '第二十五条',
    label: '申请竣工验收',
  },
  // 第二十六条: the acceptance passes, or fails and the system may not go into use.
  acceptancePass: { from: [S.ACCEPTANCE_APPLIED], to: S.ACCEPTED, role: Role.LEADING_GROUP_OFFICE, article: '第二十六条', label: '登记验收通过' },
  acceptanceFail: { from: [S.ACCEPTANCE_APPLIED], to: S.ACCEPTANCE_FAILED, role: Role.LEADING_GROUP_OFFICE, article: '第二十六条', label: '登记验收不合格' },
  // 第二十六条: the acceptance report is filed with the office; only a passed acceptance is filed.
  acceptanceFile: { from: [S.ACCEPTED], to: S.FILED, role: Role.LEADING_GROUP_OFFICE, article: '第二十六条', label: '验收备案' },
  // 第二十六条、第二十七条: accepted and filed, the system goes into use and operation; nothing else leads here.
  operationStart: { from: [S.FILED], to: S.IN_OPERATION, role: Role.LEADING_GROUP_OFFICE, article: '第二十六条', label: '转入运维' },
  // 第三十三条: 限期整改 — from any status after approval; the earlier status is kept on the rectification.
  projectRectificationOrder: { from: RECTIFIABLE, to: S.RECTIFYING, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '责令限期整改' },
  // 第三十三条: the unit reports completion, also while suspended (what it owes); the status stays.
  projectRectificationReport: { from: SANCTIONED, to: null, role: Role.PROJECT_UNIT, article: '第三十三条', label: '报告整改情况' },
  // 第三十三条: the office accepts the rectification (back to the earlier status, given) or refuses it (the status stays).
  projectRectificationAccept: { from: SANCTIONED, to: null, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '整改验收通过' },
  projectRectificationRefuse: { from: SANCTIONED, to: null, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '整改验收不通过' },
  // 第三十三条: 拒不整改或整改后仍不符合要求的 — 暂缓拨付资金、暂停项目建设，直至终止项目.
  projectSuspend: { from: [S.RECTIFYING], to: S.SUSPENDED, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '暂停项目建设' },
  projectResume: { from: [S.SUSPENDED], to: S.RECTIFYING, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '恢复项目建设' },
  projectTerminate: { from: SANCTIONED, to: S.TERMINATED, role: Role.LEADING_GROUP_OFFICE, article: '第三十三条', label: '终止项目' },
  // 第十四条: a unit named as co-building unit answers (co-building.service.ts); recorded in the history, the status stays.
  coBuildingAccept: { from: NOT_TERMINATED, to: null, role: Role.PROJECT_UNIT, article: '第十四条', label: '接受共建' },
  coBuildingDecline: { from: NOT_TERMINATED, to: null, role: Role.PROJECT_UNIT, article: '第十四条', label: '拒绝共建' },
} as const satisfies Record<string, TransitionRule>;

export type ProjectAction = keyof typeof PROJECT_TRANSITIONS;

export const STATUS_LABELS: Record<S, string> = {
  [S.DRAFT]: '草稿',
  [S.DECLARED]: '已申报',
  [S.APPROVED]: '已列入年度计划',
  [S.REJECTED]: '未通过评审',
  [S.UNDER_CONSTRUCTION]: '建设中',
  [S.TRIAL_OPERATION]: '试运行',
  [S.ACCEPTANCE_APPLIED]: '已申请验收',
  [S.ACCEPTED]: '验收通过',
  [S.ACCEPTANCE_FAILED]: '验收不合格',
  [S.FILED]: '已备案',
  [S.IN_OPERATION]: '运维中',
  [S.RECTIFYING]: '限期整改',
  [S.SUSPENDED]: '暂停建设',
  [S.TERMINATED]: '终止',
};

const SANCTION_MESSAGES: Partial<Record<S, string>> = {
  [S.RECTIFYING]: '项目正在限期整改，整改验收通过前不能',
  [S.SUSPENDED]: '项目已暂停建设、暂缓拨付资金，恢复建设并整改通过前不能',
  [S.TERMINATED]: '项目已终止，不能再',
};

/** null when `action` may start from `status`, else the INVALID_TRANSITION refusal. */
export function transitionProblem(action: ProjectAction, status: S, field = ['input', 'projectId']): UserError | null {
  const rule: TransitionRule = PROJECT_TRANSITIONS[action];
  if (rule.from.includes(status)) return null;
  // 第三十三条: a project under rectification, suspended or terminated says why, whatever the action.
  const sanction = SANCTION_MESSAGES[status];
  if (sanction) return userError(UserErrorCode.INVALID_TRANSITION, `${sanction}${rule.label}`, field, '第三十三条');
  const allowed = rule.from.map((s) => STATUS_LABELS[s]).join('、');
  return userError(
    UserErrorCode.INVALID_TRANSITION,
    `项目当前状态为「${STATUS_LABELS[status]}」，不能${rule.label}（仅限「${allowed}」状态）`,
    field,
    rule.article,
  );
}

// ── Money: exact, in fen (分) as BigInt, never floats ──────────────────────────────────────────

/** numeric(14,2): the largest amount a budget column holds. */
const MAX_FEN = 99_999_999_999_999n;
/** 第二条: hardware purchases are in scope from ¥300,000. */
export const HARDWARE_MIN_FEN = 30_000_000n;
/** 第十八条: projects of ¥1,000,000 and more have engineering supervision. */
export const SUPERVISION_MIN_FEN = 100_000_000n;

/** A Decimal string as fen; null when it has non-zero digits below the fen. */
export function toFen(value: string): bigint | null {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return null;
  const frac = (m[3] ?? '').padEnd(2, '0');
  if (/[^0]/.test(frac.slice(2))) return null;
  const fen = BigInt(m[2]) * 100n + BigInt(frac.slice(0, 2));
  return m[1] ? -fen : fen;
}

export const fenToYuan = (fen: bigint): string => {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

/** Problems of an amount that must be positive yuan with at most two decimals, within numeric(14,2). */
export function moneyProblems(value: string, field: string[], label: string): UserError[] {
  const fen = toFen(value);
  if (fen === null) return [userError(UserErrorCode.INVALID, `${label}最多保留两位小数（精确到分）`, field)];
  if (fen <= 0n) return [userError(UserErrorCode.OUT_OF_RANGE, `${label}须大于0`, field)];
  if (fen > MAX_FEN) return [userError(UserErrorCode.OUT_OF_RANGE, `${label}超出上限 ${fenToYuan(MAX_FEN)} 元`, field)];
  return [];
}

/** 第十八条: 投资规模在100万元以上（含本数）实行工程监理制. */
export const supervisionRequired = (totalBudget: string): boolean => (toFen(totalBudget) ?? 0n) >= SUPERVISION_MIN_FEN;

// ── Budget years (第八条: 分年度实施的项目明确总预算和分年度预算) ─────────────────────────────────────

/**
 * The longest construction period (建设工期) and so the most per-year budgets: five years, a bound of
 * this hub, not of the regulation. Without a period, per-year budgets may cover the plan year and the four after it.
 */
export const MAX_BUDGET_SPAN = 5;

type PeriodShape = Pick<ProjectShape, 'planYear' | 'constructionStartYear' | 'constructionEndYear'>;

/** 第八条 建设工期: the construction period when both years are given and in order. */
export function constructionPeriod(p: PeriodShape): [number, number] | null {
  const { constructionStartYear: a, constructionEndYear: b } = p;
  return a != null && b != null && a <= b ? [a, b] : null;
}

/** The years per-year budgets may cover, and how messages name them. */
function budgetRange(p: PeriodShape): { first: number; last: number; name: string } {
  const period = constructionPeriod(p);
  if (period) return { first: period[0], last: period[1], name: '建设工期' };
  return { first: p.planYear, last: p.planYear + MAX_BUDGET_SPAN - 1, name: '项目计划年度' };
}

/** 第八条 建设工期: a period in order, at most MAX_BUDGET_SPAN years, containing the plan year. */
export function periodProblems(p: PeriodShape, path: string[]): UserError[] {
  const { constructionStartYear: a, constructionEndYear: b } = p;
  if (a == null || b == null) return [];
  if (a > b) return [userError(UserErrorCode.OUT_OF_RANGE, `建设工期结束年度 ${b} 早于起始年度 ${a}`, [...path, 'constructionEndYear'], '第八条')];
  if (b - a + 1 > MAX_BUDGET_SPAN) {
    return [userError(UserErrorCode.OUT_OF_RANGE, `建设工期 ${a}–${b} 年超过${MAX_BUDGET_SPAN}年`, [...path, 'constructionEndYear'], '第八条')];
  }
  if (p.planYear < a || p.planYear > b) {
    return [userError(UserErrorCode.OUT_OF_RANGE, `计划年度 ${p.planYear} 不在建设工期 ${a}–${b} 年之内`, [...path, 'constructionStartYear'], '第八条')];
  }
  return [];
}

export interface BudgetYearValue {
  year: number;
  amount: string;
}

/** Per-year budgets: years within the construction period (or the plan years) and unique, amounts positive yuan (第八条). */
export function budgetYearProblems(years: BudgetYearValue[], p: PeriodShape, path: string[]): UserError[] {
  const out: UserError[] = [];
  const { first, last, name } = budgetRange(p);
  const seen = new Set<number>();
  years.forEach((b, i) => {
    const at = [...path, String(i)];
    if (b.year < first || b.year > last) {
      out.push(userError(UserErrorCode.OUT_OF_RANGE, `预算年度 ${b.year} 不在${name} ${first}–${last} 之内`, [...at, 'year'], '第八条'));
    } else if (seen.has(b.year)) {
      out.push(userError(UserErrorCode.DUPLICATE, `预算年度 ${b.year} 重复`, [...at, 'year'], '第八条'));
    }
    seen.add(b.year);
    out.push(...moneyProblems(b.amount, [...at, 'amount'], `${b.year} 年度预算`));
  });
  return out;
}

// ── Values of a project as a whole, at create and at each change ──────────────────────────────

/** The fields a project unit sets, as they will stand after a create or a change. */
export interface ProjectShape {
  category: ProjectCategory;
  planYear: number;
  constructionStartYear: number | null;
  constructionEndYear: number | null;
  totalBudget: string;
  fundingSource: string | null;
  budgetYears: BudgetYearValue[];
  plan: ConstructionPlan;
  cloudDeployment: CloudDeployment;
  cloudReason: string | null;
  crossDepartment: boolean;
  coBuildingUnitIds: string[];
  upgradesProjectId: string | null;
}

/**
 * Rules between fields that hold for a draft already: 第十六条 a cloud other than the district's
 * needs a reason; 第二十八条 only an upgrade names the project it upgrades.
 */
export function shapeProblems(p: ProjectShape, path: string[]): UserError[] {
  const out: UserError[] = [];
  if (p.cloudDeployment !== CloudDeployment.DISTRICT_GOV_CLOUD && !p.cloudReason) {
    out.push(userError(UserErrorCode.REQUIRED, '不使用区政务云的，须说明理由（上云为常态，不上云为例外）', [...path, 'cloudReason'], '第十六条'));
  }
  if (p.upgradesProjectId && p.category !== ProjectCategory.UPGRADE) {
    out.push(userError(UserErrorCode.INVALID, '只有升级类项目可以指定被升级的项目', [...path, 'upgradesProjectId'], '第二十八条'));
  }
  return out;
}

/** 第二十八条 政务信息系统需要升级的: the upgraded system exists — its project was accepted and filed, or is in operation. */
export const UPGRADABLE_STATUSES: readonly S[] = [S.FILED, S.IN_OPERATION];

export const upgradeTargetProblem = (status: S, field: string[]): UserError | null =>
  UPGRADABLE_STATUSES.includes(status)
    ? null
    : userError(
        UserErrorCode.RULE_VIOLATION,
        `被升级的项目当前为「${STATUS_LABELS[status]}」，尚未建成投入使用（须为「已备案」或「运维中」）`,
        field,
        '第二十八条',
      );

/** What a construction scheme must contain before the project is declared (or re-declared after a change). */
export function declarationProblems(p: ProjectShape): UserError[] {
  const out: UserError[] = [];
  // 第八条: the basic contents of a construction scheme, one error per missing section.
  for (const [key, name] of Object.entries(PLAN_SECTIONS) as [keyof ConstructionPlan, string][]) {
    if (!p.plan[key]?.trim()) out.push(userError(UserErrorCode.REQUIRED, `建设方案缺少「${name}」`, ['plan', key], '第八条'));
  }
  // 第八条 投资概算及资金来源: the scheme says where the money comes from.
  if (!p.fundingSource?.trim()) out.push(userError(UserErrorCode.REQUIRED, '建设方案缺少「投资概算及资金来源」中的资金来源', ['fundingSource'], '第八条'));
  // 第八条 建设工期: the construction period, first and last year.
  if (p.constructionStartYear == null) out.push(userError(UserErrorCode.REQUIRED, '建设方案缺少「建设工期」的起始年度', ['constructionStartYear'], '第八条'));
  if (p.constructionEndYear == null) out.push(userError(UserErrorCode.REQUIRED, '建设方案缺少「建设工期」的结束年度', ['constructionEndYear'], '第八条'));
  out.push(...periodProblems(p, []));
  // 第八条 分年度实施的项目，还应明确项目总预算和分年度预算: a period of more than one year needs per-year budgets.
  const period = constructionPeriod(p);
  if (period && period[1] > period[0] && p.budgetYears.length === 0) {
    out.push(userError(UserErrorCode.REQUIRED, `分年度实施的项目（建设工期 ${period[0]}–${period[1]} 年）须明确分年度预算`, ['budgetYears'], '第八条'));
  } else if (budgetYearProblems(p.budgetYears, p, []).some((e) => e.code === UserErrorCode.OUT_OF_RANGE)) {
    out.push(userError(UserErrorCode.RULE_VIOLATION, '分年度预算的年份须在建设工期之内', ['budgetYears'], '第八条'));
  }
  // 第八条: a project built over several years states its total and per-year budgets, which must agree.
  if (p.budgetYears.length > 0) {
    const sum = p.budgetYears.reduce((s, b) => s + (toFen(b.amount) ?? 0n), 0n);
    const total = toFen(p.totalBudget) ?? 0n;
    if (sum !== total) {
      out.push(userError(UserErrorCode.RULE_VIOLATION, `分年度预算合计 ${fenToYuan(sum)} 元与总预算 ${fenToYuan(total)} 元不一致`, ['budgetYears'], '第八条'));
    }
  }
  // 第二条: hardware purchases below ¥300,000 are not government IT projects under this regulation.
  if (p.category === ProjectCategory.HARDWARE && (toFen(p.totalBudget) ?? 0n) < HARDWARE_MIN_FEN) {
    out.push(userError(UserErrorCode.RULE_VIOLATION, '硬件设备采购项目30万元及以上才纳入政务信息化项目管理', ['totalBudget'], '第二条'));
  }
  // 第二十八条: an upgrade is declared against the system it upgrades.
  if (p.category === ProjectCategory.UPGRADE && !p.upgradesProjectId) {
    out.push(userError(UserErrorCode.REQUIRED, '升级项目须指明被升级的原项目', ['upgradesProjectId'], '第二十八条'));
  }
  // 第八条 (and 第十四条): a cross-department project forms its scheme with its co-building units.
  if (p.crossDepartment && p.coBuildingUnitIds.length === 0) {
    out.push(userError(UserErrorCode.REQUIRED, '跨部门、跨领域共建共享的项目须至少有一个共建单位', ['coBuildingUnitIds'], '第八条'));
  }
  out.push(...shapeProblems(p, []));
  return out;
}

// ── Dates (Asia/Shanghai: UTC+8 all year, no daylight saving since 1991) ──────────────────────

/** 第七条: plans for year Y are due by the end of September of Y−1; the first instant that is late. */
export const declarationDeadline = (planYear: number): Date => new Date(Date.UTC(planYear - 1, 9, 1) - SHANGHAI_OFFSET_MS);

/** 第七条: declared after 30 September 23:59:59 (Asia/Shanghai) of the year before the plan year. */
export const lateDeclaration = (declaredAt: Date | null, planYear: number): boolean =>
  declaredAt !== null && declaredAt.getTime() >= declarationDeadline(planYear).getTime();

// 第九条: the sharing analysis a project needs before approval is the completeness module's
// (completeness.approval.ts sharingAnalysisProblems), given to ProjectService by services.ts.
