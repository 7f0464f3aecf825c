import { PASSED_UNFILED_APPLICATIONS } from '../acceptance';
import { buildingUnitsSql, PROJECT_DATES, ProjectStatus } from '../project';
import { addMonthsSql } from '../../common/dates';
import { PENDING_SHARING_REQUESTS } from '../sharing-request';
import { RECTIFICATIONS_OWED } from '../rectification';
import { DeadlineKind as K } from './deadline.objects';

/** Each kind's article and rule, as the regulation (宿区政办发〔2023〕6号) or 国发〔2016〕51号 words it. */
export const DEADLINE_RULES: Record<K, { article: string | null; rule: string }> = {
  [K.PLAN_DECLARATION]: {
    article: '第七条',
    rule: '各镇（街道）、各部门和各单位于当年度9月底前向领导小组办公室报送下一年度本部门政务信息化项目建设计划和建设方案',
  },
  [K.ACCEPTANCE_EARLIEST]: { article: '第二十四条', rule: '项目竣工验收原则上应在系统上线运行三个月后进行' },
  [K.ACCEPTANCE_WINDOW]: { article: '第二十四条', rule: '系统上线运行至完成项目竣工验收的时间最长不超过一年' },
  [K.ACCEPTANCE_APPLICATION]: {
    article: '第二十五条',
    rule: '项目建设单位应在系统试运行结束后一个月内，向领导小组办公室提交竣工验收申请报告',
  },
  [K.FILING]: {
    article: '第二十六条',
    rule: '在竣工验收结束后一个月内将项目竣工验收报告提交领导小组办公室备案；未提交备案的项目，不予安排后续建设资金和运维经费',
  },
  [K.RECTIFICATION_REPORT]: {
    article: '第三十三条',
    rule: '发现建设项目未实现批复的建设目标或未达到预期效果的，要求项目建设单位限期整改；对拒不整改或整改后仍不符合要求的，暂缓拨付建设资金及运维经费、暂停项目建设，直至终止项目',
  },
  [K.SHARING_REQUEST_ANSWER]: {
    article: null,
    rule: '对有条件共享的政务信息资源，提供部门应在10个工作日内答复共享申请（国发〔2016〕51号《政务信息资源共享管理暂行办法》）',
  },
};

/** The organisations concerned by a project's deadline: the ones that build it (第八条、第十四条). */
const projectUnits = buildingUnitsSql;

/**
 * Every open deadline as one row: kind, the id that keys it, what it is about, who owes it, its due
 * date and who is concerned. $1 is today (Asia/Shanghai). Exported for the modules that build on
 * the same deadlines (to-dos, reminders, the calendar feed): they select from it, never retype it. Month arithmetic is PostgreSQL's
 * date + interval, which clamps to the month's end (31 January + 1 month = 28/29 February).
 */
export const DEADLINES = `
  -- 第七条: a DRAFT project's plan for year Y is due by 30 September of Y−1.
  SELECT '${K.PLAN_DECLARATION}'::text AS kind, p.id, p.id AS project_id, NULL::uuid AS sharing_request_id, p.lead_unit_id AS organization_id,
         make_date(p.plan_year - 1, 9, 30) AS due_on, ${projectUnits('p')} AS concerned
    FROM (${PROJECT_DATES}) p WHERE p.status = '${ProjectStatus.DRAFT}'
  UNION ALL
  -- 第二十四条: acceptance no earlier than 3 months after go-live; listed until that day comes.
  SELECT '${K.ACCEPTANCE_EARLIEST}', p.id, p.id, NULL, p.lead_unit_id, ${addMonthsSql('p.go_live_date', 3)}, ${projectUnits('p')}
    FROM (${PROJECT_DATES}) p
   WHERE p.status IN ('${ProjectStatus.TRIAL_OPERATION}', '${ProjectStatus.ACCEPTANCE_APPLIED}') AND p.go_live_date IS NOT NULL
     AND ${addMonthsSql('p.go_live_date', 3)} > $1::date
  UNION ALL
  -- 第二十四条: and completed no later than 12 months after go-live, for a project not yet accepted
  -- (one whose acceptance failed still owes it, after rectification, 第三十三条).
  SELECT '${K.ACCEPTANCE_WINDOW}', p.id, p.id, NULL, p.lead_unit_id, ${addMonthsSql('p.go_live_date', 12)}, ${projectUnits('p')}
    FROM (${PROJECT_DATES}) p
   WHERE p.status IN ('${ProjectStatus.TRIAL_OPERATION}', '${ProjectStatus.ACCEPTANCE_APPLIED}', '${ProjectStatus.ACCEPTANCE_FAILED}')
     AND p.go_live_date IS NOT NULL
  UNION ALL
  -- 第二十五条: the acceptance application within 1 month of the end of trial operation.
  SELECT '${K.ACCEPTANCE_APPLICATION}', p.id, p.id, NULL, p.lead_unit_id, ${addMonthsSql('p.trial_end_date', 1)}, ${projectUnits('p')}
    FROM (${PROJECT_DATES}) p WHERE p.status = '${ProjectStatus.TRIAL_OPERATION}' AND p.trial_end_date IS NOT NULL
  UNION ALL
  -- 第二十六条: filing within 1 month of a passed acceptance.
  SELECT '${K.FILING}', a.id, a.project_id, NULL, p.lead_unit_id, ${addMonthsSql('a.accepted_on', 1)}, ${projectUnits('p')}
    FROM (${PASSED_UNFILED_APPLICATIONS}) a JOIN (${PROJECT_DATES}) p ON p.id = a.project_id
  UNION ALL
  -- 第三十三条: a rectification's report by the due date the office set, owed also while the project is suspended.
  SELECT '${K.RECTIFICATION_REPORT}', r.id, r.project_id, NULL, p.lead_unit_id, r.due_on, ${projectUnits('p')}
    FROM (${RECTIFICATIONS_OWED}) r JOIN (${PROJECT_DATES}) p ON p.id = r.project_id
  UNION ALL
  -- 国发〔2016〕51号: the provider answers a pending request within 10 working days (due_on fixed at the request).
  SELECT '${K.SHARING_REQUEST_ANSWER}', s.id, NULL, s.id, s.provider_id, s.due_on, ARRAY[s.provider_id, s.consumer_organization_id]
    FROM (${PENDING_SHARING_REQUESTS}) s`;
