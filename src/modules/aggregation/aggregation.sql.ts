import { RESOURCE_HEADS } from '../catalogue';
import { mountedInterfacesSql } from '../sharing';
import { AggregationOutcome } from './aggregation.enums';

/**
 * SQL statement: the interfaces' last-run bookkeeping (第十七条), columns interface_id, last_run_at,
 * last_success_at; an interface without a row has no run yet (both NULL). For the modules that read
 * an interface's latest run or success (completeness, to-dos).
 */
export const INTERFACE_RUN_TIMES = `SELECT t.interface_id, t.last_run_at, t.last_success_at FROM interface_run_times t`;

/**
 * SQL statement: each catalogue entry's latest successful run over any of its interfaces (第十七条
 * 归集率, 及时率), columns resource_id, last_aggregated_at; an entry without a row was never aggregated.
 */
export const RESOURCE_RUN_TIMES = `SELECT t.resource_id, t.last_aggregated_at FROM resource_run_times t`;

/**
 * 第十七条: mounted interfaces whose last `runs` aggregation runs all failed (columns interface_id,
 * resource_id, project_id, provider_id, last_success_at, last_failure_reason). `runs` is an SQL int expression;
 * `among`, when given, an SQL uuid[] expression restricting the interfaces looked at.
 */
export const failingInterfacesSql = (runs: string, among?: string) => `
  SELECT i.id AS interface_id, i.resource_id, r.project_id, r.provider_id, t.last_success_at, l.last_failure_reason
    FROM (${mountedInterfacesSql(among)}) i JOIN (${RESOURCE_HEADS}) r ON r.id = i.resource_id
    LEFT JOIN interface_run_times t ON t.interface_id = i.id
    CROSS JOIN LATERAL (
      SELECT count(*) AS n, bool_and(a.outcome = '${AggregationOutcome.FAILED}') AS all_failed, (array_agg(a.failure_reason ORDER BY a.ran_at DESC, a.id DESC))[1] AS last_failure_reason
        FROM (SELECT a.id, a.ran_at, a.outcome, a.failure_reason FROM aggregation_run a WHERE a.interface_id = i.id ORDER BY a.ran_at DESC, a.id DESC LIMIT ${runs}) a
    ) l
   WHERE l.n = ${runs} AND l.all_failed`;

/**
 * CTEs (to follow a `WITH … ,`) that move the last-run bookkeeping forward from the runs just
 * recorded, `runs` a relation of (interface_id, resource_id, ran_at, outcome), e.g. the ingest
 * statement's INSERT … RETURNING: per interface its latest run and latest success, per resource its
 * latest success, each aggregated over the batch first, so each narrow row is written at most once
 * per batch. Never moved back (GREATEST ignores NULL). A row whose values would not move is neither
 * written nor locked (an UPDATE skips it: a retried or late batch writes nothing); a row not there yet
 * is inserted, and one inserted meanwhile by a concurrent batch is merged with ON CONFLICT.
 */
export const runTimesUpsertCtes = (runs: string) => `
  interface_times AS (
    SELECT interface_id, max(ran_at) AS last_run_at, max(ran_at) FILTER (WHERE outcome = '${AggregationOutcome.SUCCEEDED}') AS last_success_at
      FROM ${runs} GROUP BY interface_id
  ), interfaces_moved AS (
    UPDATE interface_run_times t
       SET last_run_at = GREATEST(t.last_run_at, n.last_run_at), last_success_at = GREATEST(t.last_success_at, n.last_success_at)
      FROM interface_times n
     WHERE t.interface_id = n.interface_id
       AND (t.last_run_at IS DISTINCT FROM GREATEST(t.last_run_at, n.last_run_at)
            OR t.last_success_at IS DISTINCT FROM GREATEST(t.last_success_at, n.last_success_at))
    RETURNING 1
  ), interfaces_new AS (
    INSERT INTO interface_run_times AS t (interface_id, last_run_at, last_success_at)
    SELECT n.interface_id, n.last_run_at, n.last_success_at FROM interface_times n
     WHERE NOT EXISTS (SELECT 1 FROM interface_run_times e WHERE e.interface_id = n.interface_id)
    ON CONFLICT (interface_id) DO UPDATE
       SET last_run_at = GREATEST(t.last_run_at, EXCLUDED.last_run_at), last_success_at = GREATEST(t.last_success_at, EXCLUDED.last_success_at)
    RETURNING 1
  ), resource_times AS (
    SELECT resource_id, max(ran_at) AS last_aggregated_at FROM ${runs} WHERE outcome = '${AggregationOutcome.SUCCEEDED}' GROUP BY resource_id
  ), resources_moved AS (
    UPDATE resource_run_times t SET last_aggregated_at = GREATEST(t.last_aggregated_at, n.last_aggregated_at)
      FROM resource_times n
     WHERE t.resource_id = n.resource_id AND t.last_aggregated_at IS DISTINCT FROM GREATEST(t.last_aggregated_at, n.last_aggregated_at)
    RETURNING 1
  ), resources_new AS (
    INSERT INTO resource_run_times AS t (resource_id, last_aggregated_at)
    SELECT n.resource_id, n.last_aggregated_at FROM resource_times n
     WHERE NOT EXISTS (SELECT 1 FROM resource_run_times e WHERE e.resource_id = n.resource_id)
    ON CONFLICT (resource_id) DO UPDATE SET last_aggregated_at = GREATEST(t.last_aggregated_at, EXCLUDED.last_aggregated_at)
    RETURNING 1
  )`;

/** The last-run bookkeeping of the interfaces among `ids` (one statement), for the GraphQL fields. */
export const INTERFACE_RUN_TIMES_OF = `${INTERFACE_RUN_TIMES} WHERE t.interface_id = ANY($1::uuid[])`;
/** The latest success of the catalogue entries among `ids` (one statement), for the GraphQL field. */
export const RESOURCE_RUN_TIMES_OF = `${RESOURCE_RUN_TIMES} WHERE t.resource_id = ANY($1::uuid[])`;
