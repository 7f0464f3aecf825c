import { UNDECIDED_APPLICATIONS } from '../acceptance';
import { OPEN_ASSIGNMENTS_WITHOUT_OPINION } from '../review';
import { failingInterfacesSql } from '../aggregation';
import { Role } from '../../common/role.enums';
import { ResourceStatus } from '../catalogue';
import { RESOURCES_UNDER_REVIEW } from '../catalogue';
import { staleInterfacesSql } from '../completeness';
import { DeadlineKind as D } from '../deadline';
import { DEADLINES } from '../deadline';
import { TodoKind as K } from './todo.objects';
import { RECTIFICATIONS_REPORTED } from '../rectification';
import { DECLARED_PLANS, PENDING_CO_BUILDING, projectInStatusSql, ProjectStatus, SANCTIONED } from '../project';

/**
 * Every to-do of one caller, each branch built on the owning module's SQL (never retyped here):
 *   $1 date today (Asia/Shanghai) · $2 timestamptz now · $3 int timeliness grace hours ·
 *   $4 int runs that make an interface failing · $5 uuid the caller's organisation · $6 text[] its roles ·
 *   $7 text the caller's user id.
 * Columns: kind, id (what keys it within its kind), project_id, resource_id, interface_id,
 * sharing_request_id, application_id, organization_id (who owes it), due_on, since.
 */
const has = (role: Role) => `'${role}' = ANY($6::text[])`;
const unit = has(Role.PROJECT_UNIT);
const bureau = has(Role.BIG_DATA_BUREAU);
const office = has(Role.LEADING_GROUP_OFFICE);
const expert = has(Role.EXPERT);
const SANCTIONED_OR_TERMINATED = [...SANCTIONED, ProjectStatus.TERMINATED];
const UNIT_DEADLINES = [D.PLAN_DECLARATION, D.ACCEPTANCE_APPLICATION, D.ACCEPTANCE_WINDOW, D.FILING, D.RECTIFICATION_REPORT].map((k) => `'${k}'`).join(', ');

export const TODOS = `
  d AS (${DEADLINES}),
  failing AS (${failingInterfacesSql('$4::int')}),
  t AS (
    -- 第七条、第二十四条至第二十六条、第三十三条: a project unit's deadlines of its projects (lead or accepted co-building).
    SELECT d.kind, d.id, d.project_id, NULL::uuid AS resource_id, NULL::uuid AS interface_id, NULL::uuid AS sharing_request_id,
           CASE WHEN d.kind = '${D.FILING}' THEN d.id END AS application_id, d.organization_id, d.due_on, NULL::timestamptz AS since
      FROM d WHERE ${unit} AND d.kind IN (${UNIT_DEADLINES}) AND $5::uuid = ANY(d.concerned)
    UNION ALL
    -- 国发〔2016〕51号: the provider answers a pending request.
    SELECT '${K.SHARING_REQUEST_ANSWER}', d.id, NULL, NULL, NULL, d.sharing_request_id, NULL, d.organization_id, d.due_on, NULL
      FROM d WHERE ${unit} AND d.kind = '${D.SHARING_REQUEST_ANSWER}' AND d.organization_id = $5::uuid
    UNION ALL
    -- 第二十六条: the office sees the filings overdue.
    SELECT '${K.FILING_OVERDUE}', d.id, d.project_id, NULL, NULL, NULL, d.id, d.organization_id, d.due_on, NULL
      FROM d WHERE ${office} AND d.kind = '${D.FILING}' AND d.due_on < $1::date
    UNION ALL
    -- 第五条: submitted entries wait for the bureau, returned ones for their provider.
    SELECT CASE WHEN v.status = '${ResourceStatus.SUBMITTED}' THEN '${K.RESOURCE_REVIEW}' ELSE '${K.RESOURCE_REVISION}' END,
           v.resource_id, v.project_id, v.resource_id, NULL, NULL, NULL, v.provider_id, NULL, v.changed_at
      FROM (${RESOURCES_UNDER_REVIEW}) v
     WHERE (v.status = '${ResourceStatus.SUBMITTED}' AND ${bureau}) OR (v.status = '${ResourceStatus.RETURNED}' AND ${unit} AND v.provider_id = $5::uuid)
    UNION ALL
    -- 第十七条: interfaces failing, or else stale, for their provider and the bureau.
    SELECT '${K.INTERFACE_FAILING}', f.interface_id, f.project_id, f.resource_id, f.interface_id, NULL, NULL, f.provider_id, NULL, f.last_success_at
      FROM failing f WHERE ${bureau} OR (${unit} AND f.provider_id = $5::uuid)
    UNION ALL
    SELECT '${K.INTERFACE_STALE}', s.interface_id, s.project_id, s.resource_id, s.interface_id, NULL, NULL, s.provider_id, NULL, s.last_success_at
      FROM (${staleInterfacesSql('$2', '$3')}) s
     WHERE (${bureau} OR (${unit} AND s.provider_id = $5::uuid)) AND s.interface_id NOT IN (SELECT interface_id FROM failing)
    UNION ALL
    -- 第二十五条: applications the office has to decide.
    SELECT '${K.ACCEPTANCE_DECISION}', a.application_id, a.project_id, NULL, NULL, NULL, a.application_id, NULL, NULL, a.applied_at
      FROM (${UNDECIDED_APPLICATIONS}) a WHERE ${office}
       -- 第三十三条: not while the project is rectifying, suspended or terminated (the decision is refused then).
       AND NOT ${projectInStatusSql('a.project_id', SANCTIONED_OR_TERMINATED)}
    UNION ALL
    -- 第十条: declared plans the office has reviewed by the experts and then lists in the annual plan or returns.
    SELECT '${K.PLAN_DECISION}', d.project_id, d.project_id, NULL, NULL, NULL, NULL, NULL, NULL, d.declared_at
      FROM (${DECLARED_PLANS}) d WHERE ${office}
    UNION ALL
    -- 第六条: a review the office assigned to this expert (by user id), waiting for their opinion.
    SELECT '${K.EXPERT_REVIEW}', x.assignment_id, x.project_id, NULL, NULL, NULL, x.application_id, NULL, NULL, x.assigned_at
      FROM (${OPEN_ASSIGNMENTS_WITHOUT_OPINION}) x WHERE ${expert} AND x.expert_user_id = $7::text
    UNION ALL
    -- 第三十三条: reported rectifications the office accepts or refuses.
    SELECT '${K.RECTIFICATION_DECISION}', r.id, r.project_id, NULL, NULL, NULL, NULL, NULL, NULL, r.reported_at
      FROM (${RECTIFICATIONS_REPORTED}) r WHERE ${office}
    UNION ALL
    -- 第十四条: proposals to co-build that the named unit has not answered.
    SELECT '${K.CO_BUILDING_ANSWER}', c.project_id, c.project_id, NULL, NULL, NULL, NULL, c.organization_id, NULL, c.proposed_at
      FROM (${PENDING_CO_BUILDING}) c WHERE ${unit} AND c.organization_id = $5::uuid
  )`;
