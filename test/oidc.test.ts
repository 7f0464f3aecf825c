/**
 * 统一身份认证 as an OIDC issuer: RS256 and ES256 tokens of a locally generated key pair, verified
 * against a JWKS served by a local HTTP server (and one read from a file), with issuer, audience
 * and expiry checked, mapped to the hub user whose ssoSubject is the token's subject.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair, KeyLike, SignJWT } from 'jose';
import { Role } from '../src/common/role.enums';
import { startTestHub, TestHub } from './support/hub';

const ISSUER = 'https://tysfrz.example.gov.cn/oidc';
const AUDIENCE = 'catalogue-hub';
const VIEWER = `{ viewer { userId name kind roles } }`;

let rsa: { privateKey: KeyLike; publicKey: KeyLike };
let ec: { privateKey: KeyLike; publicKey: KeyLike };
let stranger: { privateKey: KeyLike; publicKey: KeyLike };
let jwksServer: http.Server;
let jwksUrl: string;
let jwksFile: string;
let served = 0;

beforeAll(async () => {
  [rsa, ec, stranger] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('ES256'), generateKeyPair('RS256')]);
  const jwks = JSON.stringify({
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ],
  });
  jwksServer = http.createServer((_req, res) => {
    served++;
    res.setHeader('content-type', 'application/json');
    res.end(jwks);
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  jwksFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jwks-')), 'jwks.json');
  fs.writeFileSync(jwksFile, jwks);
});
afterAll(async () => {
  await new Promise((resolve) => jwksServer.close(resolve));
  fs.rmSync(path.dirname(jwksFile), { recursive: true, force: true });
});

function token(key: KeyLike, alg: 'RS256' | 'ES256', kid: string, claims: { sub?: string; iss?: string; aud?: string; exp?: number; iat?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({})
    .setProtectedHeader({ alg, kid })
    .setIssuer(claims.iss ?? ISSUER)
    .setAudience(claims.aud ?? AUDIENCE)
    .setIssuedAt(claims.iat ?? now);
  if (claims.sub !== '') jwt.setSubject(claims.sub ?? '320102199001011234');
  if (claims.exp !== 0) jwt.setExpirationTime(claims.exp ?? now + 600);
  return jwt.sign(key);
}

async function mapUser(hub: TestHub): Promise<string> {
  const admin = await hub.token(Role.ADMIN);
  const res = await hub.gql(
    `mutation($input: UserCreateInput!) { userCreate(input: $input) { user { id } userErrors { code } } }`,
    { input: { login: 'sso.expert', name: '周专家', roles: ['EXPERT'], ssoSubject: '320102199001011234' } },
    admin,
  );
  return res.data.userCreate.user.id;
}

describe.each([
  ['served by a local HTTP server', () => jwksUrl],
  ['read from a file', () => jwksFile],
])('single sign-on with the JWKS %s', (_label, jwks) => {
  let hub: TestHub;
  let userId: string;
  beforeAll(async () => {
    hub = await startTestHub({ OIDC_ISSUER: ISSUER, OIDC_AUDIENCE: AUDIENCE, OIDC_JWKS: jwks() });
    userId = await mapUser(hub);
  });
  afterAll(() => hub.close());

  it('an RS256 and an ES256 token of the issuer are the mapped hub user, with the hub user’s roles', async () => {
    for (const t of [await token(rsa.privateKey, 'RS256', 'rsa-1'), await token(ec.privateKey, 'ES256', 'ec-1')]) {
      expect((await hub.gql(VIEWER, {}, t)).data.viewer).toEqual({ userId, name: '周专家', kind: 'USER', roles: ['EXPERT'] });
    }
  });

  it.each([
    ['another issuer', { iss: 'https://evil.example/oidc' }],
    ['another audience', { aud: 'another-client' }],
    ['an expiry in the past', { iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }],
    ['no exp', { exp: 0 }],
    ['a lifetime over TOKEN_MAX_TTL_SECONDS', { exp: Math.floor(Date.now() / 1000) + 13 * 3600 }],
    ['a subject no hub user has', { sub: '320102199001019999' }],
  ])('a token with %s is UNAUTHENTICATED', async (_what, claims) => {
    const res = await hub.gql(VIEWER, {}, await token(rsa.privateKey, 'RS256', 'rsa-1', claims));
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a token signed by a key not in the JWKS is UNAUTHENTICATED', async () => {
    expect((await hub.gql(VIEWER, {}, await token(stranger.privateKey, 'RS256', 'rsa-1'))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.gql(VIEWER, {}, await token(stranger.privateKey, 'RS256', 'unknown-kid'))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a disabled user’s issuer tokens are refused on the next request', async () => {
    const admin = await hub.token(Role.ADMIN);
    const t = await token(ec.privateKey, 'ES256', 'ec-1');
    expect((await hub.gql(VIEWER, {}, t)).data.viewer.userId).toBe(userId);
    await hub.gql(`mutation($id: ID!) { userDisable(input: { id: $id }) { userErrors { code } } }`, { id: userId }, admin);
    expect((await hub.gql(VIEWER, {}, t)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('without an OIDC issuer', () => {
  it('an RS256 token is UNAUTHENTICATED, and the JWKS is never asked', async () => {
    const hub = await startTestHub();
    try {
      const before = served;
      expect((await hub.gql(VIEWER, {}, await token(rsa.privateKey, 'RS256', 'rsa-1'))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(served).toBe(before);
    } finally {
      await hub.close();
    }
  });
});
