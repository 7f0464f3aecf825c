import { startTestHub, TestHub } from './support/hub';
import { Role } from '../src/common/role.enums';
import {
  CatalogueKind,
  DataItemType,
  ResourceFormat,
  ResourceStatus,
  SharingType,
  UpdateFrequency,
  DataItem,
  InformationResource,
} from '../src/modules/catalogue';
import { Organization } from '../src/modules/organization';
import { InterfaceKind, SharingInterface } from '../src/modules/sharing';
import { codeOf, insertProject } from './support/catalogue';

let hub: TestHub;
let organizations: Organization[];
let sequence = 0;

beforeAll(async () => {
  hub = await startTestHub();
  organizations = await hub.ds.getRepository(Organization).find({ order: { creditCode: 'ASC' } });
});
afterAll(() => hub.close());

const NESTED = `query ($first: Int) {
  projects(first: $first) {
    totalCount
    edges { node {
      code
      resources { edges { node { code dataItems { name } provider { name } project { code } versions(first: 10) { edges { node { version } } } relatedResources { code } } } }
      interfaces { endpoint resource { code } consumers { name } }
    } }
  }
}`;

/**
 * `projects` projects led by the education bureau with the health commission co-building, each with
 * `resources` published entries of `items` data items (provided by either unit, related to the
 * previous entry) and `interfaces` interfaces per entry with `consumers` consumers, written
 * straight through the repositories.
 */
async function insertCatalogue(projects: number, resources: number, items: number, interfaces: number, consumers: number): Promise<void> {
  const resourceRepo = hub.ds.getRepository(InformationResource);
  for (let p = 0; p < projects; p++) {
    const project = await insertProject(hub.ds, 'education', ['health']);
    let previous: string | null = null;
    for (let r = 0; r < resources; r++) {
      const code = `301${String(900 + (sequence % 100)).padStart(3, '0')}/${String(++sequence).padStart(6, '0')}`;
      const provider = organizations.find((o) => o.creditCode === codeOf(r % 2 ? 'health' : 'education'))!;
      const resource = await resourceRepo.save(
        resourceRepo.create({
          code,
          catalogueKind: CatalogueKind.DEPARTMENTAL,
          classificationCode: code.slice(0, 6),
          name: `批量资源${sequence}`,
          providerId: provider.id,
          projectId: project.id,
          format: ResourceFormat.DATABASE,
          sharingType: SharingType.UNCONDITIONAL,
          updateFrequency: UpdateFrequency.DAILY,
          status: ResourceStatus.PUBLISHED,
          relatedResourceCodes: previous ? [previous] : [],
          searchText: `批量资源${sequence}`,
        }),
      );
      previous = code;
      await hub.ds
        .getRepository(DataItem)
        .insert(
          Array.from({ length: items }, (_, i) => ({ resourceId: resource.id, position: i + 1, name: `信息项${i + 1}`, dataType: DataItemType.C, length: 20 })),
        );
      for (let i = 0; i < interfaces; i++) {
        await hub.ds.getRepository(SharingInterface).save({
          resourceId: resource.id,
          kind: InterfaceKind.REST_API,
          endpoint: `https://api.sc.gov.cn/${code}/${i}`,
          syncFrequency: UpdateFrequency.DAILY,
          consumers: organizations.slice(i, i + consumers).map((o) => ({ id: o.id }) as Organization),
        });
      }
    }
  }
}

async function statementsFor(first: number, token: string): Promise<number> {
  hub.statements.reset();
  const res = await hub.gql(NESTED, { first }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.projects.edges).toHaveLength(Math.min(first, res.data.projects.totalCount));
  return hub.statements.count;
}

describe('a page of projects with their catalogue and sharing list', () => {
  it('sends the same number of SQL statements for 2 small projects as for 50 large ones', async () => {
    const tokens = [
      await hub.token(Role.AUDITOR),
      await hub.token(Role.PROJECT_UNIT, codeOf('education')),
      await hub.token(Role.PROJECT_UNIT, codeOf('civil-affairs')),
    ];

    await insertCatalogue(2, 2, 1, 1, 1);
    const small: number[] = [];
    for (const token of tokens) small.push(await statementsFor(50, token));

    await insertCatalogue(50, 3, 6, 2, 3);
    const large: number[] = [];
    for (const token of tokens) large.push(await statementsFor(50, token));
    if (process.env.VERBOSE === '1')
      console.log(`statements per request (auditor, lead unit, other unit): few rows ${small.join(', ')}; many rows ${large.join(', ')}`);
    expect(large).toEqual(small);
    // count + page of projects, then one batched load each: resources, interfaces, data items,
    // providers, projects, versions, related resources, interface resources, consumers
    for (const n of large) expect(n).toBeLessThanOrEqual(11);

    const res = await hub.gql(NESTED, { first: 50 }, tokens[0]);
    const node = res.data.projects.edges[res.data.projects.edges.length - 1].node;
    const entries = node.resources.edges.map((e: any) => e.node);
    expect(entries).toHaveLength(3);
    expect(entries[0].dataItems).toHaveLength(6);
    expect(entries[1].relatedResources).toEqual([{ code: entries[0].code }]);
    expect(node.interfaces).toHaveLength(6);
    expect(node.interfaces[0].consumers).toHaveLength(3);
  }, 300_000); // many inserts: a limit for a loaded machine, not a timing

  it("a project's resources are a connection: pages by first/after in the same one statement, totalCount only when asked, bad arguments refused", async () => {
    const auditor = await hub.token(Role.AUDITOR);
    const PAGE = `query ($first: Int, $after: String) { projects(first: 50) { edges { node { id
      resources(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { code dataItems { name } provider { name } } } } } } } }`;
    const all = (await hub.gql(PAGE, { first: 10 }, auditor)).data.projects.edges.map((e: any) => e.node);
    const project = all.find((p: any) => p.resources.totalCount === 3);
    const codes = project.resources.edges.map((e: any) => e.node.code);
    expect(codes).toEqual([...codes].sort());
    expect(project.resources.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });

    // Two at a time: every project's first page in one statement, as many as for the whole list.
    hub.statements.reset();
    const first = (await hub.gql(PAGE, { first: 2 }, auditor)).data.projects.edges.map((e: any) => e.node);
    const twoStatements = hub.statements.count;
    hub.statements.reset();
    expect((await hub.gql(PAGE, { first: 10 }, auditor)).errors).toBeUndefined();
    expect(twoStatements).toBe(hub.statements.count);
    const mine = first.find((p: any) => p.id === project.id).resources;
    expect(mine.edges.map((e: any) => e.node.code)).toEqual(codes.slice(0, 2));
    expect(mine).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(mine.edges[0].node.dataItems.length).toBeGreaterThan(0);

    const ONE = `query ($id: ID, $first: Int, $after: String) { project(id: $id) {
      resources(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { node { code } } } } }`;
    const next = (await hub.gql(ONE, { id: project.id, first: 2, after: mine.pageInfo.endCursor }, auditor)).data.project.resources;
    expect(next).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false, hasPreviousPage: true }, edges: [{ node: { code: codes[2] } }] });
    const last = project.resources.edges[2].cursor;
    expect((await hub.gql(ONE, { id: project.id, first: 2, after: last }, auditor)).data.project.resources).toEqual({
      totalCount: 3,
      pageInfo: { hasNextPage: false, hasPreviousPage: true },
      edges: [],
    });
    // Without totalCount nothing is counted; the page is the same.
    const uncounted = `query ($id: ID, $after: String) { project(id: $id) { resources(first: 2, after: $after) { edges { node { code } } } } }`;
    expect((await hub.gql(uncounted, { id: project.id, after: mine.pageInfo.endCursor }, auditor)).data.project.resources.edges).toEqual([
      { node: { code: codes[2] } },
    ]);

    // The look-ahead's rows carry only the columns their selection reads; another selection of the
    // same entry's children in the same request still gets whole rows.
    const both = await hub.gql(
      `query ($id: ID) { project(id: $id) { resources(first: 10) { edges { node { id dataItems { name } provider { name } } } } }
        again: project(id: $id) { resources(first: 10) { edges { node { code dataItems { name dataType length position } provider { name creditCode } } } } } }`,
      { id: project.id },
      auditor,
    );
    expect(both.errors).toBeUndefined();
    const full = both.data.again.resources.edges[0].node;
    expect(full.dataItems[0]).toEqual({ name: expect.any(String), dataType: expect.any(String), length: expect.anything(), position: 1 });
    expect(full.provider.creditCode).toEqual(expect.any(String));
    expect(both.data.project.resources.edges[0].node.dataItems.map((d: any) => d.name)).toEqual(full.dataItems.map((d: any) => d.name));

    for (const [args, field] of [
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ first: 2, after: 'not-a-cursor' }, 'after'],
    ] as const) {
      const res = await hub.gql(ONE, { id: project.id, ...args }, auditor);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
      expect(res.errors?.[0].message).toMatch(/[\u4e00-\u9fff]/);
    }
  }, 120_000);
});
