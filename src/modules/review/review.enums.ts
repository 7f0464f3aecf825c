import { registerLabelledEnum } from '../../common/enum-labels';

/** 评审阶段: the two stages at which the expert consultation group reviews a project (第六条). */
export enum ReviewStage {
  PLAN = 'PLAN',
  ACCEPTANCE = 'ACCEPTANCE',
}

export const REVIEW_STAGE_LABEL = registerLabelledEnum(ReviewStage, 'ReviewStage', '专家评审阶段 — stage of an expert review (第六条)', {
  PLAN: ['建设计划和建设方案评审', 'review of the declared plan and scheme, before the annual plan (第十条)'],
  ACCEPTANCE: ['竣工验收会商审核', 'review of an acceptance application (第二十五条)'],
});

export enum ExpertConclusion {
  PASS = 'PASS',
  PASS_WITH_CHANGES = 'PASS_WITH_CHANGES',
  FAIL = 'FAIL',
}

export const EXPERT_CONCLUSION_LABEL = registerLabelledEnum(
  ExpertConclusion,
  'ExpertConclusion',
  "专家意见结论 — an expert's conclusion (第六条、第十条、第二十五条)",
  {
    PASS: ['通过', 'pass'],
    PASS_WITH_CHANGES: ['修改后通过', 'pass after changes'],
    FAIL: ['不通过', 'fail'],
  },
);
