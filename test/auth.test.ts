import { SignJWT } from 'jose';
import { Role } from '../src/common/role.enums';
import { ROLE_HOME } from '../seeds/organizations';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

describe('identity', () => {
  it('viewer returns the caller of the token, with its organisation', async () => {
    const res = await hub.gql(`{ viewer { userId roles organization { creditCode } } }`, {}, await hub.token(Role.BIG_DATA_BUREAU));
    expect(res.data.viewer).toMatchObject({ roles: ['BIG_DATA_BUREAU'], organization: { creditCode: ROLE_HOME.BIG_DATA_BUREAU } });
    expect(res.data.viewer.userId).toMatch(/^big_data_bureau-/);
  });

  it('no token → UNAUTHENTICATED, and no data', async () => {
    const res = await hub.gql(`{ viewer { userId } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it.each([
    ['garbage', 'not.a.jwt'],
    ['wrong secret', 'WRONG'],
    ['expired', 'EXPIRED'],
    ['unknown role', 'ROLE'],
  ])('a bad token (%s) → 401 UNAUTHENTICATED', async (_label, kind) => {
    const secret = new TextEncoder().encode(kind === 'WRONG' ? 'another-secret-another-secret-another' : 'catalogue-hub-development-secret-change-me');
    let token = kind;
    if (kind !== 'not.a.jwt') {
      const jwt = new SignJWT({ org: null, roles: kind === 'ROLE' ? ['MAYOR'] : ['ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('someone')
        .setIssuer('catalogue-hub')
        .setIssuedAt(kind === 'EXPIRED' ? Math.floor(Date.now() / 1000) - 7200 : undefined)
        .setExpirationTime(kind === 'EXPIRED' ? Math.floor(Date.now() / 1000) - 3600 : '1h');
      token = await jwt.sign(secret);
    }
    const res = await hub.gql(`{ viewer { userId } }`, {}, token);
    expect(res.status).toBe(401);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a role the operation does not allow → FORBIDDEN, and nothing runs', async () => {
    const res = await hub.gql(
      `mutation { organizationUpdate(input: { id: "00000000-0000-4000-8000-000000000000", name: "改名" }) { userErrors { code } } }`,
      {},
      await hub.token(Role.AUDITOR),
    );
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toContain('organizationUpdate');
  });
});
