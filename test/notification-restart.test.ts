/**
 * At least once, never twice: real hub processes (`node dist/src/main.js`) deliver the outbox to a
 * real receiver. One is killed with SIGKILL in the middle of a delivery round and started again:
 * every event arrives, and only the attempt that was in flight at the kill can arrive a second
 * time, with the same event id for the receiver to drop. Two hubs running at once send nothing twice.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../src/common/role.enums';
import { NotificationEventKind, recordEvents, verifyWebhookSignature, WEBHOOK_HEADERS } from '../src/modules/notification';
import { codeOf, orgId } from './support/catalogue';
import { startTestHub, TestHub } from './support/hub';
import { startWebhookReceiver, WebhookReceiver } from './support/receivers';

const MAIN = path.join(__dirname, '../dist/src/main.js');

// Each hub process takes seconds to start on a loaded machine; nothing here measures speed.
jest.setTimeout(180_000);

let hub: TestHub;
let receiver: WebhookReceiver;
let secret: string;
let education: string;
const children: ChildProcess[] = [];

function startHubProcess(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  if (!fs.existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (npm run build)');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORT: '0',
      DATABASE_URL: hub.config.databaseUrl!,
      NOTIFY_POLL_MS: '50',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  children.push(child);
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))), output: () => out };
}

async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function recordBatch(batch: string, n: number): Promise<string[]> {
  await hub.ds.transaction((em) =>
    recordEvents(
      em,
      Array.from({ length: n }, (_, i) => ({
        kind: NotificationEventKind.RESOURCE_RETURNED,
        organizationIds: [education],
        data: { batch, n: i },
      })),
      new Date(),
    ),
  );
  const rows: { id: string }[] = await hub.ds.query(`SELECT id FROM notification_event WHERE data->>'batch' = $1`, [batch]);
  return rows.map((r) => r.id).sort();
}

const ids = (batch: string) => receiver.received.filter((r) => r.json.data.batch === batch).map((r) => r.json.id);
const distinct = (list: string[]) => [...new Set(list)].sort();

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  hub = await startTestHub();
  education = await orgId(hub.ds, 'education');
  const token = await hub.token(Role.PROJECT_UNIT, codeOf('education'));
  const res = await hub.gql(
    `mutation ($url: String!) { webhookCreate(input: { url: $url }) { secret userErrors { code message } } }`,
    { url: receiver.url('/hook') },
    token,
  );
  expect(res.data.webhookCreate.userErrors).toEqual([]);
  secret = res.data.webhookCreate.secret;
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await hub?.close();
  await receiver?.close();
});

describe('a hub killed in the middle of a delivery round', () => {
  it('sends what it owed after it restarts: every event once, save at most the one in flight at the kill, under the same id', async () => {
    const expected = await recordBatch('kill', 20);
    receiver.delayMs = 100; // each answer takes a while, so the kill lands mid-round
    const first = startHubProcess();
    await until('the first deliveries', () => ids('kill').length >= 5);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const beforeRestart = ids('kill').length;
    expect(beforeRestart).toBeLessThan(20);

    const second = startHubProcess();
    await until('every event', () => distinct(ids('kill')).length === 20);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const got = ids('kill');
    expect(distinct(got)).toEqual(expected);
    expect(got.length - 20).toBeLessThanOrEqual(1); // only the attempt the kill interrupted can come again
    for (const r of receiver.received) {
      expect(verifyWebhookSignature(secret, r.headers[WEBHOOK_HEADERS.timestamp] as string, r.body, r.headers[WEBHOOK_HEADERS.signature] as string)).toBe(true);
    }
    const log = await hub.ds.query(
      `SELECT d.status, count(*)::int AS n, sum((SELECT count(*) FROM webhook_attempt a WHERE a.delivery_id = d.id AND a.succeeded))::int AS succeeded
         FROM webhook_delivery d JOIN notification_event e ON e.id = d.event_id WHERE e.data->>'batch' = 'kill' GROUP BY d.status`,
    );
    expect(log).toEqual([{ status: 'DELIVERED', n: 20, succeeded: 20 }]);
  });
});

describe('two hubs at once', () => {
  it('share the outbox (FOR UPDATE SKIP LOCKED): each event is sent by one of them, once', async () => {
    const expected = await recordBatch('pair', 20);
    receiver.delayMs = 30;
    const a = startHubProcess();
    const b = startHubProcess();
    await until('every event', () => distinct(ids('pair')).length === 20);
    await new Promise((r) => setTimeout(r, 300)); // time for a second copy to show, were one sent
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    expect([await a.exited, await b.exited]).toEqual([0, 0]);
    expect(ids('pair').sort()).toEqual(expected);
  });
});
