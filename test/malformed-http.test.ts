/**
 * Malformed HTTP against the built hub (`node dist/src/main.js` on a fresh database): wrong
 * content types, truncated, huge and deeply nested bodies, invalid UTF-8, broken request lines,
 * slow clients. Each gets a 4xx (with a GraphQL error where the hub reads the body) or is cut off;
 * the process stays up and writes nothing to stderr.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { freshDatabase } from './support/hub';

jest.setTimeout(120_000);
const MAIN = path.join(__dirname, '../dist/src/main.js');

let db: Awaited<ReturnType<typeof freshDatabase>>;
let child: ChildProcess;
let stderr = '';
let base = '';
let port = 0;
beforeAll(async () => {
  if (!fs.existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds it first (npm run build)');
  db = await freshDatabase();
  child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATABASE_URL: db.url, LOG_LEVEL: 'info', REQUEST_TIMEOUT_MS: '1500' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (stderr += c));
  for (let i = 0; i < 600 && !base; i++) {
    const m = /"url":"(http:\/\/[^"]+)\/graphql"/.exec(out);
    if (m) base = m[1];
    else await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`hub did not start:\n${out}\n${stderr}`);
  port = Number(new URL(base).port);
});
afterAll(async () => {
  child?.kill('SIGTERM');
  await new Promise((r) => child?.once('exit', r));
  await db.drop();
});

/** Sends raw bytes and returns the status line's code (0 when the hub closed without answering). */
function raw(bytes: Buffer | string, { slowMs = 0, endAfter = true } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (c) => (data += c));
    const done = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
      resolve({ status, body: data.split('\r\n\r\n').slice(1).join('\r\n\r\n') });
    };
    socket.on('close', done);
    socket.on('error', () => undefined);
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
    if (!slowMs) {
      socket.write(buf);
      if (endAfter) socket.end();
      return;
    }
    let i = 0;
    const timer = setInterval(() => {
      if (socket.destroyed || i >= buf.length) return clearInterval(timer);
      socket.write(buf.subarray(i, i + 1));
      i++;
    }, slowMs);
  });
}

const request = (body: Buffer | string, headers: Record<string, string> = {}) => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = Object.entries({ 'content-type': 'application/json', 'content-length': String(b.length), connection: 'close', ...headers })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return Buffer.concat([Buffer.from(`POST /graphql HTTP/1.1\r\nhost: hub\r\n${head}\r\n\r\n`), b]);
};

const QUERY = JSON.stringify({ query: '{ __typename }' });

it('answers each malformed request with a 4xx, never a 5xx, and a GraphQL error where it read the body', async () => {
  const cases: [string, Buffer | string, (status: number, body: string) => boolean][] = [
    ['text/plain body', request(QUERY, { 'content-type': 'text/plain' }), (s) => s >= 400 && s < 500],
    ['no content type', request(QUERY, { 'content-type': '' }), (s) => s >= 400 && s < 500],
    ['multipart', request('--x\r\n\r\n--x--', { 'content-type': 'multipart/form-data; boundary=x' }), (s) => s >= 400 && s < 500],
    ['truncated JSON', request('{"query": "{ __typen'), (s, b) => s === 400 && b.includes('BAD_REQUEST')],
    ['JSON that is not an object', request('[1,2,3]'), (s) => s >= 400 && s < 500],
    ['JSON null', request('null'), (s) => s >= 400 && s < 500],
    ['query not a string', request('{"query": 42}'), (s) => s >= 400 && s < 500],
    ['variables not an object', request('{"query": "{ __typename }", "variables": [1]}'), (s) => s >= 400 && s < 500],
    ['invalid UTF-8', request(Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x7d])), (s, b) => s === 400 && b.includes('UTF-8')],
    ['huge body (3 MB)', request(`{"query": "${'a'.repeat(3 * 1024 * 1024)}"}`), (s) => s === 413],
    [
      'deeply nested JSON (200,000 levels)',
      request(`{"query": "{ __typename }", "variables": {"x": ${'['.repeat(200_000)}${']'.repeat(200_000)}}}`),
      (s) => s >= 200 && s < 500,
    ],
    [
      'deeply nested variables (5,000 levels)',
      request(
        `{"query": "query ($i: ResourceFilter) { resources(filter: $i) { totalCount } }", "variables": {"i": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`,
      ),
      (s) => s >= 200 && s < 500,
    ],
    ['deeply nested query (10,000 levels)', request(JSON.stringify({ query: `${'{ a '.repeat(10_000)}${'}'.repeat(10_000)}` })), (s) => s >= 200 && s < 500],
    ['content-length larger than the body', Buffer.concat([request('{"query": "{ __typename }"}').subarray(0, 60)]), (s) => s === 0 || (s >= 400 && s < 500)],
    ['broken request line', 'GARBAGE / HTTP/9.9\r\n\r\n', (s) => s === 400 || s === 0],
    ['header without colon', 'POST /graphql HTTP/1.1\r\nhost hub\r\n\r\n', (s) => s === 400],
    ['huge header (100 KB)', `POST /graphql HTTP/1.1\r\nhost: hub\r\nx-big: ${'b'.repeat(100_000)}\r\n\r\n`, (s) => s === 431 || s === 400],
    [
      'chunked body with a bad chunk size',
      'POST /graphql HTTP/1.1\r\nhost: hub\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n',
      (s) => s === 400,
    ],
  ];
  const failures: string[] = [];
  for (const [what, bytes, ok] of cases) {
    const { status, body } = await raw(bytes);
    if (!ok(status, body)) failures.push(`${what}: ${status} ${body.slice(0, 200)}`);
  }
  expect(failures).toEqual([]);
  expect((await fetch(`${base}/healthz`)).status).toBe(200);
});

it('a slow client sending a byte a second is cut off with 408 after REQUEST_TIMEOUT_MS; others are served meanwhile', async () => {
  const slow = raw(request(QUERY), { slowMs: 1000 });
  const meanwhile = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
  expect(meanwhile.status).toBe(200);
  const { status } = await slow;
  expect([408, 0]).toContain(status);
});

it('after all of it: the hub is up and wrote nothing to stderr', async () => {
  expect(child.exitCode).toBeNull();
  expect((await fetch(`${base}/readyz`)).status).toBe(200);
  expect(stderr).toBe('');
});
