/**
 * `npm run bench:catalogue`: reads and writes at district scale, over real HTTP against real
 * PostgreSQL (BENCH_DATABASE_URL names a server on which a throw-away database is made; unset →
 * the embedded PostgreSQL in a temporary folder). Prints medians with the machine's figures;
 * nothing is asserted.
 *   BENCH_PROJECTS (200) × BENCH_RESOURCES (50) resources, BENCH_RUNS (20) runs per mounted interface.
 */
import { Role } from '../src/common/role.enums';
import { districtHub, machine, n } from './district';

async function main() {
  const scale = { projects: n('BENCH_PROJECTS', 200), resourcesPerProject: n('BENCH_RESOURCES', 50), runsPerInterface: n('BENCH_RUNS', 20) };
  const district = await districtHub(scale);
  const { hub, ds, counts, generatedMs } = district;
  const token = await district.token(Role.BIG_DATA_BUREAU);
  const gql = async (query: string, variables: Record<string, unknown> = {}, bearer = token) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body;
  };
  const time = async (
    label: string,
    query: string,
    variables: Record<string, unknown> | ((i: number) => Record<string, unknown>) = {},
    runs = 15,
    bearer = token,
  ) => {
    const vars = typeof variables === 'function' ? variables : () => variables;
    await gql(query, vars(-1), bearer); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const v = vars(i);
      const s = process.hrtime.bigint();
      await gql(query, v, bearer);
      ms.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    ms.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(58)} median ${ms[Math.floor(runs / 2)].toFixed(1).padStart(7)} ms   p90 ${ms[Math.floor(runs * 0.9)].toFixed(1).padStart(7)} ms`,
    );
  };

  console.log(machine());
  console.log(`data: ${counts.resources} resources, ${counts.interfaces} interfaces, ${counts.runs} aggregation runs (generated in ${generatedMs} ms)`);
  const FACETS = `facets { sharingType { value count } openType { value count } updateFrequency { value count } catalogueKind { value count } provider { count } }`;
  await time('resources: first 20, no filter, totalCount', `{ resources(first: 20) { totalCount edges { node { code name } } } }`);
  await time(
    'resources: 2-character search "资助" + facets',
    `query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount ${FACETS} edges { node { code } } } }`,
    { s: '资助' },
  );
  await time(
    'resources: 4-character search "学生资助" + facets',
    `query ($s: String) { resources(first: 20, filter: { search: $s }) { totalCount ${FACETS} edges { node { code } } } }`,
    { s: '学生资助' },
  );
  await time(
    'resources: filter CONDITIONAL + DAILY + facets',
    `{ resources(first: 20, filter: { sharingType: CONDITIONAL, updateFrequency: DAILY }) { totalCount ${FACETS} } }`,
  );
  await time(
    'projects: 50 with resources, data items, interfaces',
    `{ projects(first: 50) { edges { node { code resources(first: 50) { edges { node { code dataItems { name } interfaces { mountStatus consumers { name } } } } } } } } }`,
    {},
    5,
  );

  const RATIO = `numerator denominator ratio`;
  await time(
    'completeness: district, six figures + per organisation',
    `{ completeness { catalogued { ${RATIO} } metadata { ${RATIO} } interfaces { ${RATIO} } mounted { ${RATIO} } aggregated { ${RATIO} } timely { ${RATIO} } byOrganization { organization { name } completeness { timely { ratio } } } } }`,
  );
  await time('completeness: first 50 gaps of the district', `{ completeness { gaps(first: 50) { totalCount edges { node { reason resource { code } } } } } }`);
  await time(
    'projects: 50 with their completeness',
    `{ projects(first: 50) { edges { node { code completeness { catalogued { ratio } timely { ratio } } } } } }`,
  );

  const mounted: { id: string }[] = await ds.query(`SELECT id FROM sharing_interface WHERE mount_status = 'MOUNTED' ORDER BY id LIMIT 1000`);
  const platformToken = await district.token(Role.PLATFORM);
  const at = new Date(Date.now() - 60_000).toISOString();
  const REPORT = `mutation ($input: AggregationRunsReportInput!) { aggregationRunsReport(input: $input) { accepted duplicates userErrors { code } } }`;
  const batch = (i: number) => ({
    input: {
      runs: mounted.map((m, k) => ({
        interfaceId: m.id,
        platformRunId: `bench-${i}-${k}`,
        ranAt: at,
        mode: 'INCREMENTAL',
        records: 100,
        outcome: 'SUCCEEDED',
      })),
    },
  });
  const check = (await gql(REPORT, batch(-2), platformToken)) as { data: { aggregationRunsReport: { accepted: number } } };
  if (check.data.aggregationRunsReport.accepted !== mounted.length) throw new Error(`batch not accepted: ${JSON.stringify(check)}`);
  await time(`aggregationRunsReport: batch of ${mounted.length} new runs`, REPORT, batch, 10, platformToken);

  await district.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
