import { seedDemo } from '../seeds/demo';
import { DEMO_PROJECTS, demoFinalStatus } from '../seeds/projects.data';
import { Role } from '../src/common/role.enums';
import { startTestHub, TestHub } from './support/hub';

/** Where a demo project ends up once its acceptance or rectification (if any) is seeded. */
const finalStatus = demoFinalStatus;

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, 'demo');
}, 240_000); // the whole demo district on a loaded machine: a limit, not a timing
afterAll(() => hub.close());

const values = async (column: string) =>
  (await hub.ds.query(`SELECT DISTINCT ${column}::text AS v FROM information_resource WHERE ${column} IS NOT NULL ORDER BY 1`)).map((r: { v: string }) => r.v);

describe('the demo district', () => {
  it('has a dozen projects at the stages the demo names, entered through the rules', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const res = await hub.gql(
      `{ projects(first: 50) { totalCount edges { node { code status history(first: 100) { edges { node { action } } } } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.totalCount).toBe(DEMO_PROJECTS.length);
    const status = new Map(res.data.projects.edges.map((e: any) => [e.node.code, e.node.status]));
    for (const p of DEMO_PROJECTS) expect(status.get(p.code)).toBe(finalStatus(p));
    expect(DEMO_PROJECTS.length).toBeGreaterThanOrEqual(12);
  });

  it('has 50+ resources across every sharing type, open type, frequency, kind and review status', async () => {
    const [{ n }] = await hub.ds.query(`SELECT count(*)::int AS n FROM information_resource`);
    expect(n).toBeGreaterThanOrEqual(50);
    expect(await values('sharing_type')).toEqual(['CONDITIONAL', 'NOT_SHARED', 'UNCONDITIONAL']);
    expect(await values('open_type')).toEqual(['CONDITIONAL_OPEN', 'NOT_OPEN', 'OPEN']);
    expect(await values('update_frequency')).toHaveLength(8);
    expect(await values('catalogue_kind')).toHaveLength(3);
    expect(await values('status')).toEqual(expect.arrayContaining(['DRAFT', 'SUBMITTED', 'PUBLISHED', 'RETURNED']));
    const mounts = (await hub.ds.query(`SELECT DISTINCT mount_status::text AS v FROM sharing_interface ORDER BY 1`)).map((r: any) => r.v);
    expect(mounts).toEqual(['MOUNTED', 'NOT_MOUNTED', 'WITHDRAWN']);
  });

  it('shows every gap reason the write rules let a catalogue reach, district-wide', async () => {
    const token = await hub.token(Role.BIG_DATA_BUREAU);
    const reasons = new Set<string>();
    for (let after: string | null = null, more = true; more;) {
      const res: any = await hub.gql(
        `query ($after: String) { completeness { gaps(first: 100, after: $after) { edges { node { reason } } pageInfo { hasNextPage endCursor } } } }`,
        { after },
        token,
      );
      expect(res.errors).toBeUndefined();
      for (const e of res.data.completeness.gaps.edges) reasons.add(e.node.reason);
      ({ hasNextPage: more, endCursor: after } = res.data.completeness.gaps.pageInfo);
    }
    // MISSING_CONDITION, MISSING_LEGAL_BASIS and OPEN_BUT_NOT_SHARED cannot be entered: resourceCreate refuses them.
    for (const reason of [
      'NOT_PUBLISHED',
      'MISSING_SHARING_TYPE',
      'MISSING_OPEN_TYPE',
      'MISSING_FREQUENCY',
      'NO_DATA_ITEMS',
      'NO_INTERFACE',
      'NOT_MOUNTED',
      'NEVER_AGGREGATED',
      'STALE',
    ]) {
      expect(reasons).toContain(reason);
    }
  });

  it('has a passed and filed acceptance with a verified snapshot, a failed one, and an overdue application', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const Q = `query ($code: String) { project(code: $code) { status acceptanceApplications { result acceptedOn filedOn snapshot { verify } expertOpinions { conclusion } } } }`;
    const passed = (await hub.gql(Q, { code: 'SC-2025-0011' }, token)).data.project;
    expect(passed).toMatchObject({
      status: 'IN_OPERATION',
      acceptanceApplications: [{ result: 'PASSED', acceptedOn: '2026-10-15', filedOn: '2026-10-30', snapshot: { verify: true } }],
    });
    expect(passed.acceptanceApplications[0].expertOpinions).toHaveLength(2);
    // 第六条: the opinions come from the experts the office assigned, shown by name.
    const review = (
      await hub.gql(
        `{ project(code: "SC-2025-0011") { acceptanceApplications { review { open assignments { expertUserId expertName opinion { conclusion } } } } } }`,
        {},
        token,
      )
    ).data.project.acceptanceApplications[0].review;
    const [zhangId, liId] = [await hub.userId(Role.EXPERT), await hub.userId(Role.EXPERT, 'expert2')];
    expect(review).toEqual({
      open: false,
      assignments: expect.arrayContaining([
        { expertUserId: liId, expertName: '李静', opinion: { conclusion: 'PASS_WITH_CHANGES' } },
        { expertUserId: zhangId, expertName: '张明远', opinion: { conclusion: 'PASS' } },
      ]),
    });
    const failed = (await hub.gql(Q, { code: 'SC-2024-0009' }, token)).data.project;
    expect(failed).toMatchObject({ status: 'ACCEPTANCE_FAILED', acceptanceApplications: [{ result: 'FAILED', filedOn: null }] });
    const overdue = await hub.gql(`{ deadlines(filter: { overdueOnly: true }, first: 100) { edges { node { kind overdue project { code } } } } }`, {}, token);
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data.deadlines.edges.map((e: any) => `${e.node.kind} ${e.node.project?.code}`)).toContain('ACCEPTANCE_APPLICATION SC-2025-0007');
  });

  it('has a plan under expert review (第十条): an assigned expert yet to answer, the review in their to-dos', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const plan = (
      await hub.gql(`{ project(code: "SC-2027-0003") { status planReview { stage open assignments { expertUserId opinion { conclusion } } } } }`, {}, token)
    ).data.project;
    const liId = await hub.userId(Role.EXPERT, 'expert2');
    expect(plan).toEqual({ status: 'DECLARED', planReview: { stage: 'PLAN', open: true, assignments: [{ expertUserId: liId, opinion: null }] } });
    const approved = (await hub.gql(`{ project(code: "SC-2026-0002") { planReview { open opinions { expertName conclusion } } } }`, {}, token)).data.project;
    expect(approved.planReview).toEqual({ open: false, opinions: [{ expertName: '张明远', conclusion: 'PASS' }] });
    const li = await hub.token(Role.EXPERT, undefined, 'expert2');
    const todos = await hub.gql(`{ todoItems(filter: { kind: EXPERT_REVIEW }) { edges { node { project { code } } } } }`, {}, li);
    expect(todos.data.todoItems.edges.map((e: any) => e.node.project.code).sort()).toEqual(['SC-2027-0003', 'SC-2027-0013']);
  });

  it('has a rectification under way, a suspended project and a pending co-building proposal (第十四条、第三十三条)', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const Q = `query ($code: String) { project(code: $code) { status fundsHalted rectification { status dueOn } coBuilding { status organization { name } } upgradesProject { code } } }`;
    const get = async (code: string) => (await hub.gql(Q, { code }, token)).data.project;
    expect(await get('SC-2026-0001')).toMatchObject({ status: 'RECTIFYING', fundsHalted: false, rectification: { status: 'ORDERED' } });
    expect(await get('SC-2026-0012')).toMatchObject({ status: 'SUSPENDED', fundsHalted: true, rectification: { status: 'REFUSED' } });
    expect((await get('SC-2027-0010')).coBuilding).toEqual([{ status: 'PROPOSED', organization: { name: expect.any(String) } }]);
    expect((await get('SC-2027-0006')).upgradesProject).toEqual({ code: 'SC-2025-0011' });
  });

  it('mounts only published entries, each under its own platform id, and shows a revision pending review (第五条、第九条、第十七条)', async () => {
    const [{ n }] = await hub.ds.query(
      `SELECT count(*)::int AS n FROM sharing_interface i JOIN information_resource r ON r.id = i.resource_id
        WHERE i.mount_status = 'MOUNTED' AND r.status <> 'PUBLISHED'`,
    );
    expect(n).toBe(0);
    const [{ dup }] = await hub.ds.query(
      `SELECT count(*)::int AS dup FROM (SELECT platform_id FROM sharing_interface WHERE platform_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`,
    );
    expect(dup).toBe(0);
    const token = await hub.token(Role.BIG_DATA_BUREAU);
    const queue = await hub.gql(
      `{ resources(filter: { revisionStatus: SUBMITTED }) { edges { node { status version revision { status version entry { summary } } } } } }`,
      {},
      token,
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data.resources.edges).toEqual([
      { node: { status: 'PUBLISHED', version: 1, revision: { status: 'SUBMITTED', version: 2, entry: { summary: expect.stringContaining('修订') } } } },
    ]);
  });

  it('acts by named demo callers: the audit log names each by its role (演示数据（项目建设单位）…), never by a bare seed id', async () => {
    const auditor = await hub.token(Role.AUDITOR);
    const res = await hub.gql(
      `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 1) { edges { node { actorId actorName operation } } } }`,
      { filter: { actor: 'seed-project_unit' } },
      auditor,
    );
    expect(res.data.auditEntries.edges[0].node).toMatchObject({ actorId: 'seed-project_unit', actorName: '演示数据（项目建设单位）' });
    const unnamed = await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE actor_id LIKE 'seed-%' AND actor_name IS NULL`);
    expect(unnamed).toEqual([{ n: 0 }]);
  });

  it('publishes and returns as the bureau’s demo user (李文静), so every version names its publisher (第五条)', async () => {
    const [bureau] = await hub.ds.query(`SELECT id, name FROM hub_user WHERE login = 'bureau'`);
    expect(bureau.name).toBe('李文静');
    const token = await hub.token(Role.BIG_DATA_BUREAU);
    const publishers = new Map<string, number>();
    for (let after: string | null = null, more = true; more;) {
      const res: any = await hub.gql(
        `query ($after: String) { resources(first: 100, after: $after, filter: { status: PUBLISHED }) {
           edges { node { code versions(first: 10) { edges { node { version publishedBy publishedByName } } } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        token,
      );
      expect(res.errors).toBeUndefined();
      for (const e of res.data.resources.edges) {
        for (const v of e.node.versions.edges) {
          const key = `${v.node.publishedBy} ${v.node.publishedByName}`;
          publishers.set(key, (publishers.get(key) ?? 0) + 1);
        }
      }
      ({ hasNextPage: more, endCursor: after } = res.data.resources.pageInfo);
    }
    expect([...publishers.keys()]).toEqual([`${bureau.id} 李文静`]);
    expect(publishers.get(`${bureau.id} 李文静`)).toBeGreaterThan(10);
    // The audit log names her too (the seed calls the services, so its entries carry no mutation's name), and no bureau pseudo caller is left.
    const names = await hub.ds.query(`SELECT actor_name AS name, count(*)::int AS n FROM audit_entry WHERE actor_id = $1 GROUP BY 1`, [bureau.id]);
    expect(names).toEqual([{ name: '李文静', n: expect.any(Number) }]);
    expect(names[0].n).toBeGreaterThan(10);
    expect(await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry WHERE actor_id = 'seed-big_data_bureau'`)).toEqual([{ n: 0 }]);
  });

  it('dates each project’s steps in their order: co-building named at creation and accepted before the declaration, the plan’s experts between declaration and decision (第十条、第十四条)', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const res = await hub.gql(
      `{ projects(first: 50) { edges { node { code
           history(first: 100) { edges { node { action at } } }
           coBuilding { status proposedAt respondedAt organization { id } }
           planReview { openedAt assignments { assignedAt } opinions { recordedAt } } } } } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    const t = (iso: string) => Date.parse(iso);
    let accepted = 0;
    let opinions = 0;
    for (const { node: p } of res.data.projects.edges) {
      const steps: { action: string; at: string }[] = p.history.edges.map((e: any) => e.node);
      const first = (action: string) => steps.find((s) => s.action === action)?.at;
      expect([p.code, steps[0]?.action]).toEqual([p.code, 'projectCreate']);
      const created = t(first('projectCreate')!);
      const declared = first('projectDeclare');
      for (const c of p.coBuilding) {
        expect([p.code, t(c.proposedAt)]).toEqual([p.code, created]);
        if (c.status !== 'ACCEPTED') continue;
        accepted++;
        expect([p.code, t(c.respondedAt) > created]).toEqual([p.code, true]);
        if (declared) expect([p.code, t(c.respondedAt) < t(declared)]).toEqual([p.code, true]);
      }
      const accepts = steps.filter((s) => s.action === 'coBuildingAccept').map((s) => t(s.at));
      expect(accepts.sort()).toEqual(
        p.coBuilding
          .filter((c: any) => c.status === 'ACCEPTED')
          .map((c: any) => t(c.respondedAt))
          .sort(),
      );
      if (p.planReview) {
        const decided = first('projectApprove') ?? first('projectReject');
        expect([p.code, t(p.planReview.openedAt)]).toEqual([p.code, t(declared!)]);
        for (const a of p.planReview.assignments) expect([p.code, t(a.assignedAt) > t(declared!)]).toEqual([p.code, true]);
        for (const o of p.planReview.opinions) {
          opinions++;
          expect([p.code, t(o.recordedAt) > Math.max(...p.planReview.assignments.map((a: any) => t(a.assignedAt)))]).toEqual([p.code, true]);
          if (decided) expect([p.code, t(o.recordedAt) < t(decided)]).toEqual([p.code, true]);
        }
      }
    }
    expect(accepted).toBeGreaterThanOrEqual(3);
    expect(opinions).toBeGreaterThanOrEqual(5);
  });

  it('loads nothing twice when seeded again', async () => {
    const count = async () =>
      (await hub.ds.query(`SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM information_resource) + (SELECT count(*) FROM organization) AS n`))[0]
        .n;
    // An interface a user mounted on a demo entry gets no demo aggregation runs from a second seed.
    const [mine] = await hub.ds.query(`SELECT i.id FROM sharing_interface i WHERE i.mount_status = 'MOUNTED' ORDER BY i.id LIMIT 1`);
    await hub.ds.query(`DELETE FROM aggregation_run WHERE interface_id = $1`, [mine.id]);
    const runs = async () => Number((await hub.ds.query(`SELECT count(*) AS n FROM aggregation_run`))[0].n);
    const runsBefore = await runs();
    const before = await count();
    const report = await seedDemo(hub.ds, hub.config);
    expect(report).toEqual({ organizations: 0, projects: 0, resources: 0, runs: 0, acceptances: 0 });
    expect(await count()).toBe(before);
    expect(await runs()).toBe(runsBefore);
  });
});
