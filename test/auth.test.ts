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
    const q = `{ viewer { userId name kind roles organization { creditCode } } }`;
    const res = await hub.gql(q, {}, await hub.token(Role.BIG_DATA_BUREAU));
    expect(res.data.viewer).toMatchObject({
      kind: 'USER',
      name: '李文静',
      roles: ['BIG_DATA_BUREAU'],
      organization: { creditCode: ROLE_HOME.BIG_DATA_BUREAU },
    });
    // The actor is the demo user, the same with every token.
    const [user] = await hub.ds.query(`SELECT id FROM hub_user WHERE login = 'bureau'`);
    expect(res.data.viewer.userId).toBe(user.id);
    expect((await hub.gql(q, {}, await hub.token(Role.BIG_DATA_BUREAU))).data.viewer.userId).toBe(user.id);
  });

  it('no token → UNAUTHENTICATED, and no data', async () => {
    const res = await hub.gql(`{ viewer { userId } }`);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(res.data).toBeNull();
  });

  it.each([
    ['garbage', 'not.a.jwt'],
    ['wrong secret', 'WRONG'],
    ['the old development secret of the source', 'OLD'],
    ['expired', 'EXPIRED'],
    ['unknown role', 'ROLE'],
  ])('a bad token (%s) → 401 UNAUTHENTICATED', async (_label, kind) => {
    const secret = new TextEncoder().encode(kind === 'WRONG' ? 'another-secret-another-secret-another' : 'catalogue-hub-development-secret-change-me');
    const [admin] = await hub.ds.query(`SELECT id FROM hub_user LIMIT 1`);
    let token = kind;
    if (kind !== 'not.a.jwt') {
      const jwt = new SignJWT({ sid: '00000000-0000-4000-8000-000000000000', roles: kind === 'ROLE' ? ['MAYOR'] : ['ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(admin?.id ?? '00000000-0000-4000-8000-000000000001')
        .setIssuer('catalogue-hub')
        .setIssuedAt(kind === 'EXPIRED' ? Math.floor(Date.now() / 1000) - 7200 : undefined)
        .setExpirationTime(kind === 'EXPIRED' ? Math.floor(Date.now() / 1000) - 3600 : '1h');
      token = await jwt.sign(kind === 'EXPIRED' || kind === 'ROLE' ? hub.config.jwtSecret! : secret);
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
