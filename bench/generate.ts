/**
 * Data generator for the benchmarks: a district-sized catalogue written straight into a database
 * with set-based SQL (the services' rules are exercised by the tests, not here).
 *   projects × resourcesPerProject resources, each with 8 data items and, when shareable, one
 *   interface (most mounted) and `runsPerInterface` aggregation runs.
 */
import type { DataSource } from 'typeorm';
import { WORDS } from './words';

export interface Scale {
  projects: number;
  resourcesPerProject: number;
  runsPerInterface: number;
}

/** The first 20 words: the generated names stay as they were when the list was this one's own. */
const NAME_WORDS = WORDS.slice(0, 20);

export async function generate(ds: DataSource, scale: Scale): Promise<{ resources: number; interfaces: number; runs: number }> {
  const [{ id: leadUnitId }] = await ds.query(`SELECT id FROM organization ORDER BY credit_code LIMIT 1`);
  await ds.query(
    `INSERT INTO project (code, name, lead_unit_id, category, plan_year, total_budget, status, row_version)
     SELECT 'BN-' || lpad(g::text, 6, '0'), '基准项目' || g, $1, 'NEW', 2026 + g % 2, 1000000, 'TRIAL_OPERATION', 1
       FROM generate_series(1, $2::int) g`,
    [leadUnitId, scale.projects],
  );
  const words = `ARRAY[${NAME_WORDS.map((w) => `'${w}'`).join(',')}]`;
  await ds.query(
    `INSERT INTO information_resource (code, catalogue_kind, classification_code, name, provider_id, project_id, summary, format,
                                       sharing_type, sharing_condition, legal_basis, open_type, update_frequency, status, search_text)
     SELECT '3' || lpad((n % 99)::text, 2, '0') || lpad((n % 997)::text, 3, '0') || '/' || lpad(n::text, 6, '0'),
            'DEPARTMENTAL', '3' || lpad((n % 99)::text, 2, '0') || lpad((n % 997)::text, 3, '0'),
            w1 || w2 || '信息' || n, $1, p.id, w2 || w1 || '数据，资源编号' || n, 'DATABASE',
            (ARRAY['UNCONDITIONAL','CONDITIONAL','NOT_SHARED'])[1 + n % 3]::sharing_type,
            CASE WHEN n % 3 = 1 THEN '政务用途' END, CASE WHEN n % 3 = 2 THEN '个人信息保护法' END,
            CASE WHEN n % 3 = 2 THEN 'NOT_OPEN' ELSE 'OPEN' END::open_type,
            (ARRAY['REALTIME','DAILY','WEEKLY','MONTHLY','QUARTERLY','HALF_YEARLY','YEARLY','IRREGULAR'])[1 + n % 8]::update_frequency,
            (ARRAY['PUBLISHED','PUBLISHED','PUBLISHED','SUBMITTED','DRAFT'])[1 + n % 5]::resource_status,
            w1 || w2 || '信息' || n || E'\\n' || w2 || w1 || '数据，资源编号' || n
       FROM (SELECT p.id, row_number() OVER () AS rn FROM project p WHERE p.code LIKE 'BN-%') p
       CROSS JOIN generate_series(1, $2::int) r
       CROSS JOIN LATERAL (SELECT (p.rn - 1) * $2 + r AS n) k
       CROSS JOIN LATERAL (SELECT (${words})[1 + n % 20] AS w1, (${words})[1 + (n / 20) % 20] AS w2) w`,
    [leadUnitId, scale.resourcesPerProject],
  );
  await ds.query(
    `INSERT INTO data_item (resource_id, position, name, data_type, length)
     SELECT r.id, i, '字段' || i, 'C', 50 FROM information_resource r CROSS JOIN generate_series(1, 8) i WHERE r.code LIKE '3%/%'`,
  );
  await ds.query(
    `INSERT INTO sharing_interface (resource_id, kind, endpoint, sync_frequency, mount_status, platform_id, mounted_at)
     SELECT r.id, 'DATABASE_SYNC', 'postgresql://10.0.0.1:5432/share', coalesce(r.update_frequency, 'DAILY'),
            CASE WHEN hashtext(r.code) % 10 = 0 THEN 'NOT_MOUNTED' ELSE 'MOUNTED' END::mount_status,
            'BN-' || r.code, now() - interval '400 days'
       FROM information_resource r WHERE r.sharing_type <> 'NOT_SHARED' AND r.code LIKE '3%/%'`,
  );
  await ds.query(
    `INSERT INTO aggregation_run (interface_id, resource_id, platform_run_id, ran_at, mode, records, outcome, failure_reason)
     SELECT i.id, i.resource_id, 'run-' || g, now() - (g || ' hours')::interval * (1 + hashtext(i.id::text) % 50),
            CASE WHEN g % 7 = 0 THEN 'FULL' ELSE 'INCREMENTAL' END::aggregation_mode, 100 + g,
            CASE WHEN g % 13 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END::aggregation_outcome,
            CASE WHEN g % 13 = 0 THEN '源库连接超时' END
       FROM sharing_interface i CROSS JOIN generate_series(1, $1::int) g WHERE i.mount_status = 'MOUNTED'`,
    [scale.runsPerInterface],
  );
  await ds.query(`INSERT INTO aggregation_run_key (interface_id, platform_run_id) SELECT interface_id, platform_run_id FROM aggregation_run`);
  await ds.query(`SELECT aggregation_run_ensure_partitions(3)`); // the months that fell into the default partition get their own
  await ds.query(
    `INSERT INTO interface_run_times (interface_id, last_run_at, last_success_at)
     SELECT interface_id, max(ran_at), max(ran_at) FILTER (WHERE outcome = 'SUCCEEDED') FROM aggregation_run GROUP BY interface_id`,
  );
  await ds.query(
    `INSERT INTO resource_run_times (resource_id, last_aggregated_at)
     SELECT resource_id, max(ran_at) FROM aggregation_run WHERE outcome = 'SUCCEEDED' GROUP BY resource_id`,
  );
  await ds.query(`VACUUM ANALYZE`);
  const [counts] = await ds.query(
    `SELECT (SELECT count(*) FROM information_resource)::int AS resources, (SELECT count(*) FROM sharing_interface)::int AS interfaces,
            (SELECT count(*) FROM aggregation_run)::int AS runs`,
  );
  return counts;
}
