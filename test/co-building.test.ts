/**
 * 第十四条 — naming a co-building unit is a proposal: the named unit has no rights on the project (it may
 * not change it, be named as an entry's provider, or owe answers to sharing requests) until it accepts.
 */
import { nodes } from './support/documents';
import { Role } from '../src/common/role.enums';
import { startTestHub, TestHub } from './support/hub';
import { ACCEPT, codeOf, declarable, GET, M, mutation, orgId, run, viewerId } from './support/projects';

let hub: TestHub;
let education: string;
let health: string;
let civil: string;
let healthId: string;
let civilId: string;

beforeAll(async () => {
  hub = await startTestHub();
  education = await hub.token(Role.PROJECT_UNIT);
  health = await hub.token(Role.PROJECT_UNIT, codeOf('health'));
  civil = await hub.token(Role.PROJECT_UNIT, codeOf('civil-affairs'));
  healthId = await orgId(hub, 'health');
  civilId = await orgId(hub, 'civil-affairs');
});
afterAll(() => hub.close());

const DECLINE = mutation('coBuildingDecline', 'CoBuildingAnswerInput');
const RESOURCE_CREATE = `mutation ($input: ResourceCreateInput!) { resourceCreate(input: $input) { resource { id provider { id } } userErrors { code field message article } } }`;
const resourceInput = (projectId: string, providerId?: string) => ({
  projectId,
  name: `共建资源${Math.random().toString(36).slice(2, 8)}`,
  catalogueKind: 'DEPARTMENTAL',
  classificationCode: '301001001',
  summary: '共建单位提供的资源',
  format: 'DATABASE',
  ...(providerId ? { providerId } : {}),
});

async function state(projectId: string) {
  const [row] = await hub.ds.query(
    `SELECT (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.organization_id) FROM project_co_building_unit c WHERE c.project_id = $1) AS co,
            (SELECT count(*)::int FROM project_transition WHERE project_id = $1) AS transitions,
            (SELECT count(*)::int FROM information_resource WHERE project_id = $1) AS resources,
            (SELECT row_version FROM project WHERE id = $1) AS version`,
    [projectId],
  );
  return row;
}

async function proposed(): Promise<string> {
  const { project, userErrors } = await run(
    hub,
    M.create,
    declarable({ name: `共建测试${Math.random().toString(36).slice(2, 8)}`, coBuildingUnitIds: [healthId] }),
    education,
  );
  expect(userErrors).toEqual([]);
  return project.id;
}

describe('a proposed co-building unit', () => {
  it('is told, sees the proposal, and has no rights on the project yet', async () => {
    const id = await proposed();
    const p = (await hub.gql(GET, { id }, education)).data.project;
    expect(p.coBuildingUnits).toEqual([]);
    expect(p.coBuilding).toEqual([{ status: 'PROPOSED', organization: { id: healthId }, respondedAt: null }]);
    // the outbox tells it, its to-dos list it, its proposals show the project
    const [event] = await hub.ds.query(
      `SELECT organization_ids, data FROM notification_event WHERE kind = 'CO_BUILDING_PROPOSED' AND data->>'projectId' = $1`,
      [id],
    );
    expect(event).toEqual({ organization_ids: [healthId], data: expect.objectContaining({ projectCode: p.code, article: '第十四条' }) });
    const todo = await hub.gql(`{ todoItems(filter: { kind: CO_BUILDING_ANSWER }) { edges { node { kind article project { code } } } } }`, {}, health);
    expect(todo.errors).toBeUndefined();
    expect(todo.data.todoItems.edges.map((e: any) => e.node)).toContainEqual({ kind: 'CO_BUILDING_ANSWER', article: '第十四条', project: { code: p.code } });
    const mine = await hub.gql(`{ coBuildingProposals(status: PROPOSED) { projectId projectCode projectName status leadUnit { name } } }`, {}, health);
    expect(mine.data.coBuildingProposals).toContainEqual({
      projectId: id,
      projectCode: p.code,
      projectName: p.name,
      status: 'PROPOSED',
      leadUnit: { name: '宿城区教育局' },
    });
    // a draft it does not build yet is not readable to it, nor changeable
    expect((await hub.gql(GET, { id }, health)).data.project).toBeNull();
    const before = await state(id);
    const change = await run(hub, M.update, { projectId: id, changes: { name: '被提议单位改名' } }, health);
    expect(change.userErrors).toEqual([
      { code: 'NOT_ALLOWED', field: ['input', 'projectId'], message: '贵单位尚未接受该项目的共建提议，接受后方可修改该项目', article: '第十四条' },
    ]);
    // and the lead unit may not register entries under it
    const entry = (await hub.gql(RESOURCE_CREATE, { input: resourceInput(id, healthId) }, education)).data.resourceCreate;
    expect(entry.userErrors).toEqual([
      { code: 'RULE_VIOLATION', field: ['input', 'providerId'], message: '提供方须为该项目的牵头单位或共建单位', article: '第八条' },
    ]);
    expect(await state(id)).toEqual(before);
  });

  it('answers only its own proposal, and only once; nothing is written on refusal', async () => {
    const id = await proposed();
    const before = await state(id);
    const stranger = await run(hub, ACCEPT, { projectId: id }, civil);
    expect(stranger).toEqual({
      project: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'projectId'], message: '本单位未被提议为该项目的共建单位', article: '第十四条' }],
    });
    const lead = await run(hub, ACCEPT, { projectId: id }, education);
    expect(lead.userErrors).toEqual([{ code: 'NOT_FOUND', field: ['input', 'projectId'], message: '本单位未被提议为该项目的共建单位', article: '第十四条' }]);
    expect(await state(id)).toEqual(before);
    expect((await run(hub, DECLINE, { projectId: id, note: '不属于本单位职责' }, health)).userErrors).toEqual([]);
    const declined = await state(id);
    const again = await run(hub, ACCEPT, { projectId: id }, health);
    expect(again.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '本单位已拒绝共建该项目，不能再次答复', article: '第十四条' },
    ]);
    expect(await state(id)).toEqual(declined);
  });
});

describe('coBuildingAccept', () => {
  it('makes the unit a co-building unit: it changes the project, provides entries, and the history says who accepted', async () => {
    const id = await proposed();
    const healthUser = await viewerId(hub, health);
    const res = await run(hub, ACCEPT, { projectId: id, note: '同意共建，负责健康档案部分' }, health);
    expect(res.userErrors).toEqual([]);
    expect(res.project.coBuildingUnits).toEqual([{ id: healthId, name: '宿城区卫生健康委员会' }]);
    expect(res.project.coBuilding).toEqual([{ status: 'ACCEPTED', organization: { id: healthId }, respondedAt: expect.any(String) }]);
    expect(nodes(res.project.history).at(-1)).toEqual(
      expect.objectContaining({
        action: 'coBuildingAccept',
        actorRole: 'PROJECT_UNIT',
        actorUserId: healthUser,
        note: '同意共建，负责健康档案部分',
        fromStatus: 'DRAFT',
        toStatus: 'DRAFT',
      }),
    );
    expect((await hub.gql(GET, { id }, health)).data.project.id).toBe(id);
    expect((await run(hub, M.update, { projectId: id, changes: { name: '共建单位改名' } }, health)).userErrors).toEqual([]);
    const entry = (await hub.gql(RESOURCE_CREATE, { input: resourceInput(id, healthId) }, education)).data.resourceCreate;
    expect(entry.userErrors).toEqual([]);
    expect(entry.resource.provider).toEqual({ id: healthId });
    const again = await run(hub, DECLINE, { projectId: id }, health);
    expect(again.userErrors).toEqual([
      { code: 'INVALID_TRANSITION', field: ['input', 'projectId'], message: '本单位已接受共建该项目，不能再次答复', article: '第十四条' },
    ]);
    // the history names the step in Chinese with its article, for the console
    const BUILDS = `query ($id: ID!) { project(id: $id) { viewerBuilds history(first: 50) { edges { node { action actionLabel article } } } } }`;
    const seen = async (token: string) => (await hub.gql(BUILDS, { id }, token)).data.project;
    expect(nodes((await seen(health)).history).filter((t: any) => t.action === 'coBuildingAccept')).toEqual([
      { action: 'coBuildingAccept', actionLabel: '接受共建', article: '第十四条' },
    ]);
    // 第八条、第十四条: the lead and the accepted co-builder build it (and so may change it, 第十三条); another unit and the bureau only read it
    expect((await seen(education)).viewerBuilds).toBe(true);
    expect((await seen(health)).viewerBuilds).toBe(true);
    expect((await run(hub, M.declare, { projectId: id }, education)).userErrors).toEqual([]);
    expect((await seen(await hub.token(Role.BIG_DATA_BUREAU))).viewerBuilds).toBe(false);
    expect((await seen(await hub.token(Role.LEADING_GROUP_OFFICE))).viewerBuilds).toBe(false);
  });

  it('keeps an answer when the scheme is changed, and proposes again a unit named after it declined', async () => {
    const id = await (async () => {
      const { project } = await run(hub, M.create, declarable({ name: '两个共建单位', coBuildingUnitIds: [healthId, civilId] }), education);
      return project.id as string;
    })();
    await run(hub, ACCEPT, { projectId: id }, health);
    await run(hub, DECLINE, { projectId: id }, civil);
    const changed = await run(hub, M.update, { projectId: id, changes: { coBuildingUnitIds: [healthId, civilId] } }, education);
    expect(changed.userErrors).toEqual([]);
    const byOrg = Object.fromEntries(changed.project.coBuilding.map((c: any) => [c.organization.id, c.status]));
    expect(byOrg).toEqual({ [healthId]: 'ACCEPTED', [civilId]: 'PROPOSED' });
  });
});
