import { seedDemo } from '../seeds/demo';
import { DEMO_PROJECTS } from '../seeds/projects.data';
import { createServices } from '../src/services';
import { Role } from '../src/modules/auth/role.enum';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({}, 'demo');
}, 60000);
afterAll(() => hub.close());

const values = async (column: string) =>
  (await hub.ds.query(`SELECT DISTINCT ${column}::text AS v FROM information_resource ORDER BY 1`)).map((r: { v: string }) => r.v);

describe('the demo district', () => {
  it('has a dozen projects at the stages the demo names, entered through the rules', async () => {
    const token = await hub.token(Role.LEADING_GROUP_OFFICE);
    const res = await hub.gql(`{ projects(first: 50) { totalCount edges { node { code status history { action } } } } }`, {}, token);
    expect(res.errors).toBeUndefined();
    expect(res.data.projects.totalCount).toBe(DEMO_PROJECTS.length);
    const status = new Map(res.data.projects.edges.map((e: any) => [e.node.code, e.node.status]));
    for (const p of DEMO_PROJECTS) expect(status.get(p.code)).toBe(p.status);
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

  it('loads nothing twice when seeded again', async () => {
    const count = async () => (await hub.ds.query(`SELECT (SELECT count(*) FROM project) + (SELECT count(*) FROM information_resource) + (SELECT count(*) FROM organization) AS n`))[0].n;
    const before = await count();
    const report = await seedDemo(hub.ds, createServices(hub.ds, hub.config));
    expect(report).toEqual({ organizations: 0, projects: 0, resources: 0 });
    expect(await count()).toBe(before);
  });
});
