import type { EntityManager } from 'typeorm';
import { UserError, userError, UserErrorCode } from '../../common/user-error';
import { isUuid } from '../../graphql/scalars';
import { expertById } from '../auth';
import { ExpertConclusion } from './review.enums';

/*
 * The rules of expert review (第六条、第十条、第二十五条), each next to its article. Nothing here
 * writes; expertDirectory is the one place that knows who the experts are.
 */

/** What the hub knows of one user id asked for as an expert. */
export interface ExpertEntry {
  userId: string;
  /** The user id names an expert (专家咨询小组成员). */
  isExpert: boolean;
  /** The expert's display name; null when unknown. */
  name: string | null;
}

/**
 * The one function that says whether user ids are experts and what they are called (第六条): an
 * expert is an enabled user account holding the EXPERT role (the auth module's `expertById`), and
 * is shown by the account's name. A past opinion's expert whose account was since disabled keeps
 * the name recorded with the opinion (`knownNames`). Every caller — assignment, the opinions, their
 * display — goes through here.
 */
export async function expertDirectory(
  em: EntityManager,
  userIds: readonly string[],
  knownNames: ReadonlyMap<string, string | null> = new Map(),
): Promise<ExpertEntry[]> {
  return Promise.all(
    userIds.map(async (userId) => {
      const account = isUuid(userId) ? await expertById(em, userId) : null;
      return { userId, isExpert: account !== null, name: account?.name ?? knownNames.get(userId) ?? null };
    }),
  );
}

/** 第六条: the ids given are experts, each once. One error per id, naming its position. */
export function assignmentProblems(entries: ExpertEntry[], alreadyAssigned: ReadonlySet<string>, path: string[]): UserError[] {
  const out: UserError[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const at = [...path, String(i)];
    if (!e.isExpert) out.push(userError(UserErrorCode.INVALID, `用户 ${JSON.stringify(e.userId)} 不是专家咨询小组成员`, at, '第六条'));
    else if (seen.has(e.userId)) out.push(userError(UserErrorCode.DUPLICATE, `专家 ${e.name ?? e.userId} 重复指派`, at, '第六条'));
    else if (alreadyAssigned.has(e.userId)) out.push(userError(UserErrorCode.DUPLICATE, `专家 ${e.name ?? e.userId} 已被指派参加本次评审`, at, '第六条'));
    seen.add(e.userId);
  });
  return out;
}

/** The current opinions of a review, as the decision rules see them. */
export interface CurrentOpinion {
  expertUserId: string;
  conclusion: ExpertConclusion;
}

/**
 * 第十条: 经专家咨询小组评审后列入年度计划 — the plan is approved only after its assigned review is
 * complete (at least `quorum` assigned experts have given an opinion) and no current opinion
 * concludes FAIL. `assigned` is null when no review was opened for the current declaration.
 */
export function planDecisionProblems(assigned: number | null, opinions: CurrentOpinion[], quorum: number, field: string[]): UserError[] {
  if (!assigned) return [userError(UserErrorCode.REQUIRED, '项目尚未指派专家评审，须经专家咨询小组评审后方可列入年度计划', field, '第十条')];
  const out: UserError[] = [];
  if (opinions.length < quorum) {
    out.push(
      userError(
        UserErrorCode.RULE_VIOLATION,
        `专家评审尚未完成：需至少 ${quorum} 位指派专家的意见，已有 ${opinions.length} 位（指派 ${assigned} 位）`,
        field,
        '第十条',
      ),
    );
  }
  const failed = opinions.filter((o) => o.conclusion === ExpertConclusion.FAIL);
  if (failed.length) {
    out.push(userError(UserErrorCode.RULE_VIOLATION, `${failed.length} 位专家的评审意见为「不通过」，不能列入年度计划`, field, '第十条'));
  }
  return out;
}

/**
 * 第二十五条: 经专家咨询小组会商审核通过 — an acceptance passes only with at least one expert opinion
 * and none concluding FAIL. A failed acceptance needs no opinion.
 */
export function acceptanceDecisionProblems(opinions: CurrentOpinion[], field: string[]): UserError[] {
  if (!opinions.length) return [userError(UserErrorCode.REQUIRED, '尚无专家意见：竣工验收须经专家咨询小组会商审核通过', field, '第二十五条')];
  const failed = opinions.filter((o) => o.conclusion === ExpertConclusion.FAIL);
  if (failed.length) {
    return [userError(UserErrorCode.RULE_VIOLATION, `${failed.length} 位专家的意见为「不通过」，不能登记验收通过`, field, '第二十五条')];
  }
  return [];
}
