/**
 * The audit log (审计记录, 第四条、第三十四条; 网络安全法 第二十一条), over real HTTP against real
 * PostgreSQL: every successful mutation writes one entry in its own transaction, with the changed
 * fields before and after; the table is append-only by the database; the SM3 chain names the first
 * broken link after a superuser alters or removes a row; security events are rate-limited entries.
 */
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { Role } from '../src/common/role.enums';
import { rowHash } from '../src/modules/audit';
import { startTestHub, TestHub } from './support/hub';
import { nodes, SESSION_CREATE } from './support/documents';
import { codeOf, declarable, insertResource, M, orgId, run } from './support/projects';

let hub: TestHub;
let education: string;
let health: string;
let auditor: string;
let bureau: string;

beforeAll(async () => {
  hub = await startTestHub();
  await hub.services.audit.prepare();
  education = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  auditor = await hub.token(Role.AUDITOR);
  bureau = await hub.token(Role.BIG_DATA_BUREAU);
});
afterAll(() => hub.close());

const ENTRIES = `query ($filter: AuditEntryFilter, $first: Int, $after: String) {
  auditEntries(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id seq recordedAt actorId roles organizationId operation outcome targetType targetId requestId clientAddress prevHash hash detail
      changes { table op rowId fields { name before after } } } }
  }
}`;
const VERIFY = `query ($from: DateTime, $to: DateTime) { auditVerify(from: $from, to: $to) { ok checked firstSeq lastSeq firstBroken { seq entryId kind message } } }`;

const entries = async (filter: Record<string, unknown>, token = auditor, first = 50) => {
  const res = await hub.gql(ENTRIES, { filter, first }, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.auditEntries.edges.map((e: { node: unknown }) => e.node) as any[];
};
const countEntries = async () => Number((await hub.ds.query(`SELECT count(*)::int AS n FROM audit_entry`))[0].n);

/** A superuser connection to the spec's database, which can switch the append-only trigger off (session_replication_role). */
async function asSuperuser<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: hub.config.databaseUrl ?? undefined });
  await c.connect();
  try {
    await c.query(`SET session_replication_role = replica`);
    return await work(c);
  } finally {
    await c.end();
  }
}

describe('every successful mutation writes one audit entry', () => {
  let projectId: string;

  it('records actor, role, organisation, operation, target, request id, address and the fields before and after', async () => {
    const before = await countEntries();
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${education}`, 'x-request-id': 'audit-spec-create' },
      body: JSON.stringify({ query: M.create, variables: { input: declarable({ planYear: 2031 }) } }),
    });
    const body = (await res.json()) as any;
    expect(body.data.projectCreate.userErrors).toEqual([]);
    projectId = body.data.projectCreate.project.id;
    expect(await countEntries()).toBe(before + 1);

    const [entry] = await entries({ targetType: 'Project', targetId: projectId });
    const viewer = (await hub.gql(`{ viewer { userId organization { id } } }`, {}, education)).data.viewer;
    expect(entry).toMatchObject({
      actorId: viewer.userId,
      roles: ['PROJECT_UNIT'],
      organizationId: viewer.organization.id,
      operation: 'projectCreate',
      outcome: 'SUCCESS',
      targetType: 'Project',
      targetId: projectId,
      requestId: 'audit-spec-create',
    });
    expect(entry.clientAddress).toMatch(/127\.0\.0\.1/);
    const row = entry.changes.find((c: any) => c.table === 'project' && c.op === 'INSERT');
    expect(row.rowId).toBe(projectId);
    expect(row.fields).toEqual(expect.arrayContaining([{ name: 'name', before: null, after: JSON.stringify('智慧教育学籍管理平台') }]));
    expect(entry.changes.some((c: any) => c.table === 'project_budget_year')).toBe(true);
  });

  it('an update records only the fields that changed, with their old and new values, and raises the lockVersion', async () => {
    const { project, userErrors } = await run(hub, M.update, { projectId, changes: { name: '学籍管理平台（二期）' } }, education);
    expect(userErrors).toEqual([]);
    const [entry] = await entries({ targetType: 'Project', targetId: projectId, operation: 'projectUpdate' });
    const row = entry.changes.find((c: any) => c.table === 'project' && c.op === 'UPDATE');
    const byName = Object.fromEntries(row.fields.map((f: any) => [f.name, f]));
    expect(byName.name).toEqual({ name: 'name', before: JSON.stringify('智慧教育学籍管理平台'), after: JSON.stringify('学籍管理平台（二期）') });
    expect(byName.lock_version).toEqual({ name: 'lock_version', before: '1', after: '2' });
    expect(byName.plan_goals).toBeUndefined(); // unchanged fields are not repeated
    const read = await hub.gql(`query ($id: ID) { project(id: $id) { lockVersion } }`, { id: projectId }, education);
    expect(read.data.project.lockVersion).toBe(2);
    expect(project).toBeTruthy();
  });

  it('a refused mutation writes nothing, not even an entry', async () => {
    const before = await countEntries();
    const { userErrors } = await run(hub, M.update, { projectId, changes: { name: '' } }, education);
    expect(userErrors.length).toBeGreaterThan(0);
    expect(await countEntries()).toBe(before);
  });

  it('Project.auditHistory reads the log: for the audit readers and the project’s own units, not for an expert', async () => {
    const q = `query ($id: ID) { project(id: $id) { auditHistory(first: 10) { totalCount edges { node { operation } } } } }`;
    for (const token of [auditor, bureau, education]) {
      const res = await hub.gql(q, { id: projectId }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data.project.auditHistory.edges.map((e: any) => e.node.operation)).toEqual(['projectUpdate', 'projectCreate']);
      expect(res.data.project.auditHistory.totalCount).toBe(2);
    }
    const decl = await run(hub, M.declare, { projectId }, education);
    expect(decl.userErrors).toEqual([]);
    const other = await hub.gql(q, { id: projectId }, await hub.token(Role.EXPERT)); // reads the project, not its audit history
    expect(other.data?.project?.auditHistory ?? null).toBeNull();
    expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('auditEntries is for AUDITOR, BIG_DATA_BUREAU and LEADING_GROUP_OFFICE only, and pages newest first', async () => {
    for (const role of [Role.PROJECT_UNIT, Role.EXPERT, Role.PLATFORM, Role.ADMIN]) {
      const res = await hub.gql(ENTRIES, { first: 1 }, await hub.token(role));
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const lgo = await hub.gql(ENTRIES, { first: 1 }, await hub.token(Role.LEADING_GROUP_OFFICE));
    expect(lgo.errors).toBeUndefined();
    const first = await hub.gql(ENTRIES, { first: 2, filter: { outcome: 'SUCCESS' } }, auditor);
    const [a, b] = first.data.auditEntries.edges.map((e: any) => Number(e.node.seq));
    expect(a).toBeGreaterThan(b);
    const next = await hub.gql(ENTRIES, { first: 2, filter: { outcome: 'SUCCESS' }, after: first.data.auditEntries.pageInfo.endCursor }, auditor);
    expect(Number(next.data.auditEntries.edges[0].node.seq)).toBeLessThan(b);
    const bad = await hub.gql(ENTRIES, { first: 2, after: 'bm90IGEgY3Vyc29y' }, auditor);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('the log is append-only by the database', () => {
  it.each([
    ['UPDATE', `UPDATE audit_entry SET operation = 'x'`],
    ['DELETE', `DELETE FROM audit_entry`],
    ['TRUNCATE', `TRUNCATE audit_entry`],
  ])('%s is refused, whoever asks', async (_op, sql) => {
    const before = await countEntries();
    await expect(hub.ds.query(sql)).rejects.toThrow(/审计记录只可追加/);
    expect(await countEntries()).toBe(before);
  });

  it('a partition truncated directly is refused too', async () => {
    const [{ part }] = await hub.ds.query(`SELECT tableoid::regclass::text AS part FROM audit_entry LIMIT 1`);
    await expect(hub.ds.query(`TRUNCATE ${part}`)).rejects.toThrow(/审计记录只可追加/);
  });

  it('is partitioned by month, made ahead', async () => {
    const parts: { name: string }[] = await hub.ds.query(
      `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entry'::regclass ORDER BY 1`,
    );
    const month = (offset: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + offset);
      return `audit_entry_${d.getUTCFullYear()}_${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    };
    expect(parts.map((p) => p.name)).toEqual(expect.arrayContaining([month(0), month(1), month(2), month(3)]));
  });
});

describe('the SM3 chain', () => {
  it('hashes with SM3 (GB/T 32905 test vector) and links each entry to the one before', async () => {
    expect(createHash('sm3').update('abc').digest('hex')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    const rows: { seq: string; prev_hash: string; hash: string }[] = await hub.ds.query(
      `SELECT seq::text AS seq, prev_hash, hash FROM audit_entry ORDER BY seq`,
    );
    expect(rows[0]).toMatchObject({ seq: '1', prev_hash: '0'.repeat(64) });
    for (let i = 1; i < rows.length; i++) {
      expect(BigInt(rows[i].seq)).toBe(BigInt(rows[i - 1].seq) + 1n);
      expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    }
    const verified = await hub.gql(VERIFY, {}, auditor);
    expect(verified.data.auditVerify).toMatchObject({ ok: true, checked: rows.length, firstBroken: null });
  });

  it('stays linear under concurrent writers', async () => {
    const made = await Promise.all(
      Array.from({ length: 8 }, (_, i) => run(hub, M.create, declarable({ planYear: 2032, name: `并发项目${i}` }), i % 2 ? education : health)),
    );
    expect(made.every((m) => m.userErrors.length === 0)).toBe(true);
    const verified = await hub.gql(VERIFY, {}, auditor);
    expect(verified.data.auditVerify.ok).toBe(true);
  });

  it('auditVerify is for AUDITOR only', async () => {
    const res = await hub.gql(VERIFY, {}, bureau);
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('names an entry a superuser altered (trigger bypassed), then one removed, then one removed at the end', async () => {
    const [{ seq }] = await hub.ds.query(`SELECT (max(seq) - 3)::text AS seq FROM audit_entry`);
    await asSuperuser((c) => c.query(`UPDATE audit_entry SET operation = 'projectDelete' WHERE seq = $1`, [seq]));
    let v = (await hub.gql(VERIFY, {}, auditor)).data.auditVerify;
    expect(v).toMatchObject({ ok: false, firstBroken: { seq, kind: 'CONTENT_ALTERED' } });
    expect(v.firstBroken.message).toContain(`第 ${seq} 条记录的内容与其哈希不符`);

    // The forger recomputes the hash of the row: the next entry no longer links to it.
    const row = (await hub.ds.query(`SELECT * FROM audit_entry WHERE seq = $1`, [seq]))[0];
    await asSuperuser((c) => c.query(`UPDATE audit_entry SET hash = $2 WHERE seq = $1`, [seq, rowHash(row)]));
    v = (await hub.gql(VERIFY, {}, auditor)).data.auditVerify;
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: String(BigInt(seq) + 1n), kind: 'LINK_BROKEN' } });

    // Removing the row instead: the gap is named.
    await asSuperuser((c) => c.query(`DELETE FROM audit_entry WHERE seq = $1`, [seq]));
    v = (await hub.gql(VERIFY, {}, auditor)).data.auditVerify;
    expect(v).toMatchObject({ ok: false, firstBroken: { seq: String(BigInt(seq) + 1n), kind: 'ENTRY_MISSING' } });

    // A period that ends before the damage still verifies.
    const earlier = (await hub.ds.query(`SELECT recorded_at FROM audit_entry WHERE seq = $1::bigint - 1`, [seq]))[0].recorded_at as Date;
    v = (await hub.gql(VERIFY, { to: new Date(earlier.getTime() + 1).toISOString() }, auditor)).data.auditVerify;
    expect(v.ok).toBe(true);

    // The last entry removed: the chain's head says it is missing.
    const [{ last }] = await hub.ds.query(`SELECT max(seq)::text AS last FROM audit_entry`);
    await asSuperuser((c) => c.query(`DELETE FROM audit_entry WHERE seq = $1`, [last]));
    const [{ at }] = await hub.ds.query(`SELECT max(recorded_at) AS at FROM audit_entry`);
    v = (await hub.gql(VERIFY, { from: (at as Date).toISOString() }, auditor)).data.auditVerify;
    expect(v.firstBroken).toMatchObject({ seq: last, kind: 'ENTRY_MISSING' });
  });
});

describe('security events are entries, rate-limited', () => {
  it('a refused token, a FORBIDDEN answer and a sign-in failure are recorded; a flood is not', async () => {
    const before = await countEntries();
    for (let i = 0; i < 30; i++) await hub.gql(`{ viewer { userId } }`, {}, 'not-a-token');
    await new Promise((r) => setTimeout(r, 200));
    const refused = await entries({ outcome: 'UNAUTHENTICATED' });
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(10);
    expect(refused[0]).toMatchObject({ actorId: null, operation: 'graphql', outcome: 'UNAUTHENTICATED' });

    await hub.gql(ENTRIES, { first: 1 }, education);
    await new Promise((r) => setTimeout(r, 200)); // security events are written beside the answer
    const forbidden = await entries({ outcome: 'FORBIDDEN' });
    expect(forbidden[0]).toMatchObject({ operation: 'Query.auditEntries', roles: ['PROJECT_UNIT'] });

    await hub.services.audit.signInFailed({ requestId: 'r-1', clientAddress: '10.0.0.9' }, 'zhangsan', '密码错误');
    const failed = await entries({ outcome: 'SIGN_IN_FAILED' });
    expect(failed[0]).toMatchObject({ operation: 'signIn', clientAddress: '10.0.0.9' });
    expect(JSON.parse(failed[0].detail)).toMatchObject({ login: 'zhangsan', reason: '密码错误' });
    expect(await countEntries()).toBeLessThan(before + 30);
  });

  it("a sign-in's entry names the user who signed in: id, name, role and organisation (第十九条、第三十四条)", async () => {
    const { login, password, userId } = await hub.credentials(Role.BIG_DATA_BUREAU);
    const res = await hub.gql(SESSION_CREATE, { input: { login, password } });
    expect(res.data.sessionCreate.userErrors).toEqual([]);
    const res2 = await hub.gql(
      `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 1) { edges { node { actorId actorName actorKind roles operation } } } }`,
      { filter: { operation: 'sessionCreate' } },
      auditor,
    );
    const [signIn] = nodes(res2.data.auditEntries);
    const [{ name }] = await hub.ds.query(`SELECT name FROM hub_user WHERE id = $1`, [userId]);
    expect(signIn).toEqual({ actorId: userId, actorName: name, actorKind: 'USER', roles: ['BIG_DATA_BUREAU'], operation: 'sessionCreate' });
  });

  it('a refused sign-in through sessionCreate is one, naming the login and why (第十九条)', async () => {
    const SIGN_IN = `mutation ($input: SessionCreateInput!) { sessionCreate(input: $input) { session { accessToken } userErrors { code } } }`;
    const res = await hub.gql(SIGN_IN, { input: { login: 'Nobody.Here', password: 'wrong-password-1A' } });
    expect(res.data.sessionCreate.userErrors).toEqual([{ code: 'INVALID_CREDENTIALS' }]);
    const failed = await entries({ outcome: 'SIGN_IN_FAILED' });
    expect(failed.map((f: any) => JSON.parse(f.detail))).toContainEqual({ login: 'nobody.here', reason: 'UNKNOWN_LOGIN' });
  });
});

describe("the console's cookie sign-in and the log's filter", () => {
  it('a sign-in and a sign-out through POST/DELETE /auth/session are sessionCreate and sessionRevoke, by the user (第十九条、第三十四条)', async () => {
    const { login, password, userId } = await hub.credentials(Role.LEADING_GROUP_OFFICE);
    const [{ name }] = await hub.ds.query(`SELECT name FROM hub_user WHERE id = $1`, [userId]);
    const signIn = await fetch(`${hub.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0];
    const out = await fetch(`${hub.url}/auth/session`, { method: 'DELETE', headers: { cookie } });
    expect(out.status).toBe(204);
    const mine = (await entries({ actor: userId })).map((e) => [e.operation, e.outcome]);
    expect(mine.slice(0, 2)).toEqual([
      ['sessionRevoke', 'SUCCESS'],
      ['sessionCreate', 'SUCCESS'],
    ]);
    expect(mine.map(([op]) => op)).not.toContain('system');
    const [entry] = await entries({ operation: 'sessionCreate', actor: userId });
    expect(entry).toMatchObject({ actorId: userId, roles: ['LEADING_GROUP_OFFICE'] });
    const named = await hub.gql(
      `query ($filter: AuditEntryFilter) { auditEntries(filter: $filter, first: 1) { edges { node { actorName } } } }`,
      { filter: { operation: 'sessionCreate', actor: userId } },
      auditor,
    );
    expect(nodes(named.data.auditEntries)).toEqual([{ actorName: name }]);
  });

  it('refuses an object id that is no UUID and a range that ends before it starts, naming the field; an actor id may be any text', async () => {
    const bad = await hub.gql(ENTRIES, { filter: { targetId: 'x' } }, auditor);
    expect(bad.data).toBeNull();
    expect(bad.errors?.[0]).toMatchObject({ message: '对象ID格式无效（应为 UUID）', extensions: { code: 'BAD_USER_INPUT', field: ['filter', 'targetId'] } });
    const backwards = await hub.gql(ENTRIES, { filter: { from: '2026-03-05T00:00:00+08:00', to: '2026-03-02T00:00:00+08:00' } }, auditor);
    expect(backwards.errors?.[0]).toMatchObject({ message: '截止时间须晚于起始时间', extensions: { code: 'BAD_USER_INPUT', field: ['filter', 'to'] } });
    const empty = await hub.gql(ENTRIES, { filter: { from: '2026-03-05T00:00:00+08:00', to: '2026-03-05T00:00:00+08:00' } }, auditor);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: ['filter', 'to'] });
    expect(await entries({ actor: 'x' })).toEqual([]);
    expect(Array.isArray(await entries({ from: '2026-03-02T00:00:00+08:00', to: '2026-03-05T00:00:00+08:00' }))).toBe(true);
  });
});

describe('auditHistory of the other objects an auditor asks about (第三十四条)', () => {
  const history = (type: string, arg: string) =>
    `query ($id: ID!) { ${type}(${arg}: $id) { auditHistory(first: 10) { totalCount edges { node { operation targetType } } } } }`;

  it('an organisation, a user and an interface answer their own entries, by the one audit query', async () => {
    const admin = await hub.token(Role.ADMIN);
    const educationOrg = await orgId(hub, 'education');
    const renamed = await hub.gql(
      `mutation ($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }`,
      { input: { id: educationOrg, name: '区教育局（审计历史）' } },
      admin,
    );
    expect(renamed.data.organizationUpdate.userErrors).toEqual([]);
    const org = await hub.gql(history('organization', 'id'), { id: educationOrg }, auditor);
    expect(org.errors).toBeUndefined();
    expect(org.data.organization.auditHistory.edges.map((e: any) => e.node.operation)).toContain('organizationUpdate');
    const filtered = await entries({ targetType: 'Organization', targetId: educationOrg });
    expect(org.data.organization.auditHistory.totalCount).toBe(filtered.length);

    const emailed = await hub.gql(`mutation { viewerEmailSet(input: { email: "audit@example.gov.cn" }) { user { id } userErrors { code } } }`, {}, health);
    expect(emailed.data.viewerEmailSet.userErrors).toEqual([]);
    const userId = emailed.data.viewerEmailSet.user.id;
    const user = await hub.gql(`query ($id: ID!) { user(id: $id) { auditHistory(first: 10) { edges { node { operation } } } } }`, { id: userId }, admin);
    // ADMIN reads the user, not the audit log: refused, recorded
    expect(user.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await entries({ targetType: 'User', targetId: userId })).map((e) => e.operation)).toContain('viewerEmailSet');

    const { project } = await run(hub, M.create, declarable({ name: '接口审计历史项目' }), education);
    const resource = await insertResource(hub, project.id, educationOrg);
    const registered = await hub.gql(
      `mutation ($input: InterfaceRegisterInput!) { interfaceRegister(input: $input) { interface { id } userErrors { code message } } }`,
      { input: { resourceId: resource.id, kind: 'REST_API', endpoint: 'https://gxpt.sucheng.gov.cn/api/audit-history', syncFrequency: 'DAILY' } },
      education,
    );
    expect(registered.data.interfaceRegister.userErrors).toEqual([]);
    const interfaceId = registered.data.interfaceRegister.interface.id;
    const q = `query ($id: ID!) { resource(id: $id) { interfaces { id auditHistory(first: 10) { totalCount edges { node { operation targetType } } } } } }`;
    for (const token of [auditor, education]) {
      const res = await hub.gql(q, { id: resource.id }, token);
      expect(res.errors).toBeUndefined();
      const [i] = res.data.resource.interfaces;
      expect(i.id).toBe(interfaceId);
      expect(i.auditHistory.edges.map((e: any) => e.node)).toEqual([{ operation: 'interfaceRegister', targetType: 'SharingInterface' }]);
    }
    const other = await hub.gql(q, { id: resource.id }, health); // another unit: not its project
    expect(other.data?.resource?.interfaces?.[0]?.auditHistory ?? null).toBeNull();
  });
});
