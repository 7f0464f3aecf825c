import { Role } from '../src/common/role.enums';
import { Organization, OrganizationKind } from '../src/modules/organization';
import { demoCreditCode } from '../seeds/codes';
import { startTestHub, TestHub } from './support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub.close());

const NESTED = `query ($first: Int) { viewer { organization { name supervisor { name } } }
  organizations(first: $first, filter: { kind: DIRECT_UNIT }) { totalCount edges { node { name supervisor { name supervisor { name } } } } } }`;

async function statementsFor(first: number, token: string): Promise<number> {
  hub.statements.reset();
  const res = await hub.gql(NESTED, { first }, token);
  expect(res.errors).toBeUndefined();
  expect(res.data.organizations.edges).toHaveLength(Math.min(first, res.data.organizations.totalCount));
  return hub.statements.count;
}

describe('nested reads go through per-request DataLoaders', () => {
  it('send the same number of SQL statements for 4 rows as for 60', async () => {
    const token = await hub.token(Role.AUDITOR);
    const small = await statementsFor(4, token);

    // 60 more direct units, each supervised by a different unit, so every level fans out.
    const repo = hub.ds.getRepository(Organization);
    const parents = await repo.find({ where: { kind: OrganizationKind.DEPARTMENT } });
    for (let i = 0; i < 60; i++) {
      await repo.save(
        repo.create({
          name: `批量直属单位${String(i).padStart(2, '0')}`,
          creditCode: demoCreditCode('12', 1_700_000 + i),
          kind: OrganizationKind.DIRECT_UNIT,
          supervisorId: parents[i % parents.length].id,
        }),
      );
    }
    const large = await statementsFor(60, token);
    expect(large).toBe(small);
    // count + page + one batched load per nesting level (viewer org, supervisor, supervisor's supervisor)
    expect(large).toBeLessThanOrEqual(6);
  });
});
