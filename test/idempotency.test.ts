/**
 * Idempotency-Key on mutations: a retry with the same key and body gets the stored answer and
 * writes nothing more, another body with the same key is refused, keys expire, and the answers
 * live in PostgreSQL so that another hub on the same database replays them too.
 */
import { Role } from '../src/common/role.enums';
import { issueToken } from '../src/modules/auth';
import { startHub } from '../src/http/server';
import { createLogger } from '../src/logger';
import { createServices } from '../src/services';
import { CREATE, insertProject, resourceInput } from './support/catalogue';
import { startTestHub, TestHub, postGraphql } from './support/hub';

let hub: TestHub;
let unit: string;
let projectId: string;
beforeAll(async () => {
  hub = await startTestHub({ IDEMPOTENCY_TTL_SECONDS: '2' });
  unit = await hub.token(Role.PROJECT_UNIT);
  projectId = (await insertProject(hub.ds, 'education')).id;
});
afterAll(() => hub.close());

const create = (name: string, key?: string, url = hub.url, token = unit) =>
  postGraphql(url, { query: CREATE, variables: { input: resourceInput(projectId, { name }) } }, { token, headers: key ? { 'idempotency-key': key } : {} });

const countNamed = async (name: string) => (await hub.ds.query(`SELECT count(*)::int AS n FROM information_resource WHERE name = $1`, [name]))[0].n;

it('the same key and body: the stored answer, byte for byte, and one entry', async () => {
  const first = await create('幂等一', 'key-one');
  const firstBody = await first.text();
  expect(JSON.parse(firstBody).data.resourceCreate.resource.id).toBeDefined();
  const again = await create('幂等一', 'key-one');
  expect(again.status).toBe(first.status);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  expect(await again.text()).toBe(firstBody);
  expect(await countNamed('幂等一')).toBe(1);
});

it('the same key with another body: 422 IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
  await (await create('幂等二', 'key-two')).text();
  const other = await create('幂等二乙', 'key-two');
  expect(other.status).toBe(422);
  expect(((await other.json()) as any).errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await countNamed('幂等二乙')).toBe(0);
});

it('keys are per caller: another user of the same unit with the same key runs their own request', async () => {
  await (await create('幂等三', 'shared-key')).text();
  const [{ id }] = await hub.ds.query(
    `INSERT INTO hub_user (login, name, organization_id, roles, version) SELECT 'second.clerk', '第二填报员', organization_id, roles, 1 FROM hub_user WHERE login = 'unit' RETURNING id`,
  );
  const other = await create('幂等三', 'shared-key', hub.url, (await issueToken(hub.ds, hub.services.tokens, id, 3600)).token);
  expect(other.headers.get('idempotent-replayed')).toBeNull();
  // It ran: and so met the rule of one entry per name in a project (第八条), not the first caller's answer.
  expect(((await other.json()) as any).data.resourceCreate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'name'] })]);
  expect(await countNamed('幂等三')).toBe(1);
});

it('two requests with one key at once: one runs, the other is told to wait or replayed; one entry', async () => {
  const answers = await Promise.all([create('幂等四', 'key-four'), create('幂等四', 'key-four'), create('幂等四', 'key-four')]);
  const statuses = answers.map((a) => (a.headers.get('idempotent-replayed') ? 'replay' : a.status === 409 ? 'wait' : a.status));
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  for (const a of answers.filter((x) => x.status === 409)) expect(a.headers.get('retry-after')).toBe('1');
  expect(await countNamed('幂等四')).toBe(1);
});

it('a key whose action committed but whose answer is not stored yet is still in progress, not lost', async () => {
  // The first request commits its action, then stores its answer: a retry in between is told to wait.
  const first = await hub.services.idempotency.claim('user:race', 'key-race', 'hash');
  if (first.kind !== 'run') throw new Error(`claimed as ${first.kind}`);
  await hub.ds.transaction((em) => first.markApplied(em));
  expect((await hub.services.idempotency.claim('user:race', 'key-race', 'hash')).kind).toBe('in-progress');
  await first.finish({ status: 200, contentType: 'application/json', body: '{"data":{}}' });
  expect(await hub.services.idempotency.claim('user:race', 'key-race', 'hash')).toMatchObject({ kind: 'replay', answer: { body: '{"data":{}}' } });
});

it('keys expire after IDEMPOTENCY_TTL_SECONDS: the same key then runs the request again', async () => {
  await (await create('幂等五', 'key-five')).text();
  await new Promise((r) => setTimeout(r, 2500));
  const later = await create('幂等五', 'key-five');
  expect(later.headers.get('idempotent-replayed')).toBeNull();
  // Run again, not replayed: it meets the entry the first run made (第八条: one entry per name in a project).
  expect(((await later.json()) as any).data.resourceCreate.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE', field: ['input', 'name'] })]);
  expect(await countNamed('幂等五')).toBe(1);
});

it('another hub on the same database replays the answer (the keys live in PostgreSQL)', async () => {
  // Started first: building its schema on a loaded machine can take longer than the keys' 2 s TTL.
  const other = await startHub({ config: hub.config, ds: hub.ds, services: createServices(hub.ds, hub.config), log: createLogger(hub.config) });
  try {
    const first = await (await create('幂等六', 'key-six')).text();
    const replay = await create('幂等六', 'key-six', other.url);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.text()).toBe(first);
  } finally {
    await other.stop();
  }
  expect(await countNamed('幂等六')).toBe(1);
});

it('a query with a key is answered normally and stores nothing; a malformed key is 400', async () => {
  const before = (await hub.ds.query('SELECT count(*)::int AS n FROM idempotency_key'))[0].n;
  const q = await fetch(`${hub.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${unit}`, 'idempotency-key': 'query-key' },
    body: JSON.stringify({ query: '{ viewer { roles } }' }),
  });
  expect(q.status).toBe(200);
  expect((await hub.ds.query('SELECT count(*)::int AS n FROM idempotency_key'))[0].n).toBe(before);
  const bad = await create('幂等七', 'x'.repeat(201));
  expect(bad.status).toBe(400);
  expect(await countNamed('幂等七')).toBe(0);
});

it('an answer lost after the action committed: the retry is told so (409 IDEMPOTENCY_KEY_APPLIED) and never runs the action again', async () => {
  // The answer cannot be stored, as when the database goes away between the commit and the store.
  await hub.ds.query(`CREATE FUNCTION lose_answer() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN IF NEW.status IS NOT NULL AND NEW.key LIKE 'lost-%' THEN RAISE EXCEPTION 'answer not stored'; END IF; RETURN NEW; END $$`);
  await hub.ds.query(`CREATE TRIGGER lose_answer BEFORE UPDATE ON idempotency_key FOR EACH ROW EXECUTE FUNCTION lose_answer()`);
  try {
    const first = await create('幂等八', 'lost-six');
    expect(((await first.json()) as any).data.resourceCreate.resource.id).toBeDefined();
    for (const retry of [await create('幂等八', 'lost-six'), await create('幂等八', 'lost-six')]) {
      expect(retry.status).toBe(409);
      const body = (await retry.json()) as any;
      expect(body.errors[0].extensions.code).toBe('IDEMPOTENCY_KEY_APPLIED');
      expect(body.errors[0].message).toMatch(/已执行.*不要以同一个键重试/);
    }
    expect(await countNamed('幂等八')).toBe(1);
    // A refusal commits nothing, so its key is not applied: the corrected retry runs.
    const refused = await create('', 'lost-seven');
    expect(((await refused.json()) as any).data.resourceCreate.userErrors.length).toBeGreaterThan(0);
    const [{ applied }] = await hub.ds.query(`SELECT applied_at IS NOT NULL AS applied FROM idempotency_key WHERE key = 'lost-seven'`);
    expect(applied).toBe(false);
  } finally {
    await hub.ds.query(`DROP TRIGGER lose_answer ON idempotency_key; DROP FUNCTION lose_answer()`);
  }
});
