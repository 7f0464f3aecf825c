import { RESOURCE_HEADS } from '../catalogue';
import { mountedInterfacesSql } from '../sharing';
import { AggregationOutcome } from './aggregation.enums';

/**
 * 第十七条: mounted interfaces whose last `runs` aggregation runs all failed (columns interface_id,
 * resource_id, project_id, provider_id, last_success_at, last_failure_reason). `runs` is an SQL int expression;
 * `among`, when given, an SQL uuid[] expression restricting the interfaces looked at.
 */
export const failingInterfacesSql = (runs: string, among?: string) => `
  SELECT i.id AS interface_id, i.resource_id, r.project_id, r.provider_id, i.last_success_at, l.last_failure_reason
    FROM (${mountedInterfacesSql(among)}) i JOIN (${RESOURCE_HEADS}) r ON r.id = i.resource_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS n, bool_and(a.outcome = '${AggregationOutcome.FAILED}') AS all_failed, (array_agg(a.failure_reason ORDER BY a.ran_at DESC, a.id DESC))[1] AS last_failure_reason
        FROM (SELECT a.id, a.ran_at, a.outcome, a.failure_reason FROM aggregation_run a WHERE a.interface_id = i.id ORDER BY a.ran_at DESC, a.id DESC LIMIT ${runs}) a
    ) l
   WHERE l.n = ${runs} AND l.all_failed`;
