import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { fixedClock } from '../src/common/clock';
import { Role } from '../src/common/role.enums';
import { DataItemType, ResourceStatus, SharingType, UpdateFrequency } from '../src/modules/catalogue';
import { MountStatus } from '../src/modules/sharing';
import { A, applicationDocs, completeResource, insertItems, NOW, send, trialProject } from './support/acceptance';
import { codeOf, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { insertInterface, insertResource } from './support/projects';

let hub: TestHub;
let unit: string;
let office: string;

beforeAll(async () => {
  hub = await startTestHub({}, 'organizations', fixedClock(NOW));
  unit = await hub.token(Role.PROJECT_UNIT);
  office = await hub.token(Role.LEADING_GROUP_OFFICE);
});
afterAll(() => hub.close());

/** The canonical form written out again here, independently of src/: sorted keys, no whitespace, arrays as they are. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The snapshot row as PostgreSQL holds it. */
async function storedSnapshot(applicationId: string) {
  const [row] = await hub.ds.query(`SELECT id, content, content_hash, taken_at FROM acceptance_snapshot WHERE application_id = $1`, [applicationId]);
  return row;
}

async function rawClient(): Promise<Client> {
  const client = new Client({ connectionString: hub.config.databaseUrl! });
  await client.connect();
  return client;
}

/**
 * A project with: a complete entry (A); a conditional draft with no data items and an interface not
 * mounted (B, items and interfaces written out of order); an entry not shared (C); a retired one (D).
 */
async function fixture() {
  const project = await trialProject(hub, { co: ['health'] });
  const education = await orgId(hub.ds, 'education');
  const a = await completeResource(hub, project.id);
  const b = await insertResource(hub, project.id, education, {
    status: ResourceStatus.DRAFT,
    sharingType: SharingType.CONDITIONAL,
    sharingCondition: '仅限资助审核使用',
    relatedResourceCodes: ['301001001/99999', '301001001/00001'],
  });
  const c = await insertResource(hub, project.id, education, {
    status: ResourceStatus.PUBLISHED,
    publishedOn: '2028-01-05',
    sharingType: SharingType.NOT_SHARED,
    legalBasis: '《中华人民共和国未成年人保护法》',
    updateFrequency: UpdateFrequency.YEARLY,
  });
  await insertItems(hub, c.id, [
    [2, '监护人', DataItemType.C, 50],
    [1, '学籍号', DataItemType.C, 19],
  ]);
  const d = await insertResource(hub, project.id, education, { status: ResourceStatus.RETIRED });
  await insertInterface(hub, d.id, MountStatus.WITHDRAWN);
  for (const endpoint of ['https://exchange.sucheng.gov.cn/api/b2', 'https://exchange.sucheng.gov.cn/api/b1']) {
    await hub.ds.query(
      `INSERT INTO sharing_interface (resource_id, kind, endpoint, sync_frequency, mount_status) VALUES ($1, 'REST_API', $2, 'DAILY', 'NOT_MOUNTED')`,
      [b.id, endpoint],
    );
  }
  const [civil, healthId] = [await orgId(hub.ds, 'civil-affairs'), await orgId(hub.ds, 'health')];
  await hub.ds.query(
    `INSERT INTO sharing_interface_consumer (interface_id, organization_id) SELECT i.id, o FROM sharing_interface i, unnest($2::uuid[]) o WHERE i.resource_id = $1`,
    [a.id, [civil, healthId]],
  );
  const res = await send(hub, A.apply, { projectId: project.id, documents: applicationDocs() }, unit);
  expect(res.userErrors).toEqual([]);
  return { project, a, b, c, d, application: res.acceptanceApplication };
}

describe('the snapshot frozen at acceptanceApply (第二十五条)', () => {
  it('holds the project, its catalogue (not retired, by code; items by position), its sharing list and its completeness', async () => {
    const { project, a, b, c, application } = await fixture();
    const content = application.snapshot.content;
    expect(content.schemaVersion).toBe(1);
    expect(content.asOf).toBe(new Date(NOW).toISOString());
    expect(content.project).toEqual({
      id: project.id,
      code: project.code,
      name: project.name,
      status: 'TRIAL_OPERATION', // as it applied
      leadUnit: { creditCode: codeOf('education'), name: '宿城区教育局' },
      planYear: 2027,
      goLiveDate: '2028-01-10',
      trialEndDate: '2028-05-31',
    });
    expect(content.resources.map((r: any) => r.code)).toEqual([a.code, b.code, c.code]);
    expect(content.resources[0]).toEqual({
      id: a.id,
      code: a.code,
      catalogueKind: 'DEPARTMENTAL',
      classificationCode: '301001001',
      name: expect.any(String),
      providerCreditCode: codeOf('education'),
      summary: '学生基本信息',
      format: 'DATABASE',
      subFormat: null,
      dataItems: [
        { position: 1, name: '姓名', dataType: 'C', length: 50 },
        { position: 2, name: '身份证号', dataType: 'C', length: 18 },
      ],
      sharingType: 'UNCONDITIONAL',
      sharingCondition: null,
      legalBasis: null,
      sharingMethod: 'PLATFORM_INTERFACE',
      openType: 'NOT_OPEN',
      openCondition: null,
      updateFrequency: 'DAILY',
      dataGrade: 'GENERAL',
      publishedOn: '2028-01-05',
      relatedResourceCodes: [],
      status: 'PUBLISHED',
      version: 1,
    });
    expect(content.resources[1]).toMatchObject({
      status: 'DRAFT',
      sharingCondition: '仅限资助审核使用',
      relatedResourceCodes: ['301001001/00001', '301001001/99999'],
      dataItems: [],
    });
    expect(content.resources[2].dataItems.map((i: any) => i.position)).toEqual([1, 2]);

    expect(content.interfaces.map((i: any) => [i.resourceCode, i.endpoint])).toEqual([
      [a.code, 'https://exchange.sucheng.gov.cn/api/x'],
      [b.code, 'https://exchange.sucheng.gov.cn/api/b1'],
      [b.code, 'https://exchange.sucheng.gov.cn/api/b2'],
    ]);
    expect(content.interfaces[0]).toEqual({
      id: expect.any(String),
      resourceCode: a.code,
      kind: 'REST_API',
      endpoint: 'https://exchange.sucheng.gov.cn/api/x',
      syncFrequency: 'DAILY',
      mountStatus: 'MOUNTED',
      platformId: expect.stringMatching(/^PLAT-/),
      consumerCreditCodes: [codeOf('civil-affairs'), codeOf('health')].sort(),
    });

    // 第九条: the completeness of DESIGN §3 as the completeness service computed it at the clock's instant.
    const { counts, gaps } = content.completeness;
    expect(counts.catalogued).toEqual({ numerator: 2, denominator: 3 });
    expect(counts.interfaces).toEqual({ numerator: 2, denominator: 2 });
    expect(counts.mounted).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.aggregated).toEqual({ numerator: 1, denominator: 2 });
    expect(counts.timely).toEqual({ numerator: 1, denominator: 1 });
    const reasons = gaps.map((g: any) => [g.resourceCode, g.reason]);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [b.code, 'NOT_PUBLISHED'],
        [b.code, 'NO_DATA_ITEMS'],
        [b.code, 'NOT_MOUNTED'],
        [b.code, 'NEVER_AGGREGATED'],
      ]),
    );
    expect(reasons.every(([code]: string[]) => code === b.code)).toBe(true);
    expect(gaps).toEqual([...gaps].sort((x: any, y: any) => (x.resourceCode + x.reason < y.resourceCode + y.reason ? -1 : 1)));
  });

  it('stores the SHA-256 of the canonical serialisation, recomputed here independently; verify says so', async () => {
    const { application } = await fixture();
    const row = await storedSnapshot(application.id);
    expect(row.content_hash).toBe(sha256(canonical(row.content)));
    expect(application.snapshot.contentHash).toBe(row.content_hash);
    expect(sha256(canonical(application.snapshot.content))).toBe(row.content_hash);
    expect(application.snapshot.verify).toBe(true);
    // Canonical: no whitespace, keys sorted at every depth.
    const text = canonical(row.content);
    expect(text).not.toMatch(/[\n\t]|": |, "/);
    expect(text.startsWith('{"asOf":')).toBe(true);
    expect(text).toContain('"leadUnit":{"creditCode":');
  });

  it('does not change when the live catalogue changes; snapshotDiff shows what did', async () => {
    const { project, a, b, c, d, application } = await fixture();
    const before = await storedSnapshot(application.id);
    const repo = `information_resource`;
    await hub.ds.query(`UPDATE ${repo} SET name = '学生信息（修订）', sharing_type = 'CONDITIONAL', sharing_condition = '审核' WHERE id = $1`, [a.id]);
    await insertItems(hub, c.id, [[3, '联系电话', DataItemType.C, 11]]);
    await hub.ds.query(`UPDATE ${repo} SET status = 'RETIRED' WHERE id = $1`, [b.id]); // its interfaces leave the sharing list with it
    await hub.ds.query(`UPDATE ${repo} SET status = 'DRAFT' WHERE id = $1`, [d.id]); // back from retirement
    const added = await insertResource(hub, project.id, await orgId(hub.ds, 'education'));
    const [ia] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE resource_id = $1`, [a.id]);
    await hub.ds.query(
      `UPDATE sharing_interface SET mount_status = 'WITHDRAWN', endpoint = 'https://exchange.sucheng.gov.cn/api/x2', sync_frequency = 'REALTIME' WHERE id = $1`,
      [ia.id],
    );
    await insertInterface(hub, c.id, MountStatus.NOT_MOUNTED);
    const [ic] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE resource_id = $1`, [c.id]);
    const [idd] = await hub.ds.query(`SELECT id FROM sharing_interface WHERE resource_id = $1`, [d.id]);
    const bInterfaces: { id: string; endpoint: string }[] = await hub.ds.query(
      `SELECT id, endpoint FROM sharing_interface WHERE resource_id = $1 ORDER BY endpoint`,
      [b.id],
    );

    const after = await storedSnapshot(application.id);
    expect(after).toEqual(before);
    const read = await hub.gql(A.applications, { id: project.id }, unit);
    expect(read.data.project.acceptanceApplications[0].snapshot).toMatchObject({ content: before.content, contentHash: before.content_hash, verify: true });

    const diff = (await hub.gql(A.diff, { id: project.id }, office)).data.project.acceptanceApplications[0].snapshotDiff;
    expect(diff.resourcesAdded.sort()).toEqual([added.code, d.code].sort());
    expect(diff.resourcesRemoved).toEqual([b.code]);
    expect(diff.resourcesChanged).toEqual([
      { code: a.code, fields: ['name', 'sharingCondition', 'sharingType'] },
      { code: c.code, fields: ['dataItems'] },
    ]);
    expect(diff.interfacesChanged).toEqual([
      { id: ia.id, resourceCode: a.code, endpoint: 'https://exchange.sucheng.gov.cn/api/x2', fields: ['endpoint', 'mountStatus', 'syncFrequency'] },
    ]);
    expect(diff.interfacesAdded.map((i: any) => i.id).sort()).toEqual([ic.id, idd.id].sort());
    expect(diff.interfacesRemoved).toEqual(bInterfaces.map((i) => ({ id: i.id, resourceCode: b.code, endpoint: i.endpoint, fields: [] })));
  });

  it('shows an empty diff while nothing changed', async () => {
    const { project } = await fixture();
    const diff = (await hub.gql(A.diff, { id: project.id }, unit)).data.project.acceptanceApplications[0].snapshotDiff;
    expect(diff).toEqual({ resourcesAdded: [], resourcesRemoved: [], resourcesChanged: [], interfacesAdded: [], interfacesRemoved: [], interfacesChanged: [] });
  });
});

describe('the immutability trigger', () => {
  it('refuses UPDATE, DELETE and TRUNCATE through a raw SQL connection, and the row stays as it was', async () => {
    const { application } = await fixture();
    const before = await storedSnapshot(application.id);
    const client = await rawClient();
    try {
      const attempts = [
        `UPDATE acceptance_snapshot SET content_hash = repeat('0', 64) WHERE id = '${before.id}'`,
        `UPDATE acceptance_snapshot SET content = '{}'::jsonb WHERE id = '${before.id}'`,
        `DELETE FROM acceptance_snapshot WHERE id = '${before.id}'`,
        `TRUNCATE acceptance_snapshot CASCADE`,
      ];
      for (const sql of attempts) {
        await expect(client.query(sql)).rejects.toMatchObject({ code: '23000', message: expect.stringContaining('immutable') });
      }
    } finally {
      await client.end();
    }
    expect(await storedSnapshot(application.id)).toEqual(before);
  });

  it('leaves verify to catch what a superuser could still do with the trigger switched off', async () => {
    const { project, application } = await fixture();
    const client = await rawClient();
    try {
      await client.query('BEGIN');
      await client.query(`ALTER TABLE acceptance_snapshot DISABLE TRIGGER acceptance_snapshot_immutable`);
      await client.query(`UPDATE acceptance_snapshot SET content = jsonb_set(content, '{project,name}', '"改过的名称"') WHERE application_id = $1`, [
        application.id,
      ]);
      await client.query(`ALTER TABLE acceptance_snapshot ENABLE TRIGGER acceptance_snapshot_immutable`);
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const read = await hub.gql(A.applications, { id: project.id }, office);
    expect(read.data.project.acceptanceApplications[0].snapshot).toMatchObject({ contentHash: application.snapshot.contentHash, verify: false });
  });
});
