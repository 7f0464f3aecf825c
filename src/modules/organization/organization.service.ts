import { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { refuse, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { mutate, Outcome, registerUniqueViolation } from '../../db/transaction';
import { CREDIT_CODE_KEY, Organization } from './organization.entity';
import { OrganizationCreateInput, OrganizationFilter, OrganizationUpdateInput } from './organization.inputs';
import { likeContains } from '../../common/text';

registerUniqueViolation({
  constraint: CREDIT_CODE_KEY,
  field: ['input', 'creditCode'],
  message: '该统一社会信用代码已被其他单位使用',
});

const normalizeCode = (code: string) => code.trim().toUpperCase();

export class OrganizationService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
  ) {}

  async findOne(_ctx: RequestContext, by: { id?: string | null; creditCode?: string | null }): Promise<Organization | null> {
    const repo = this.ds.getRepository(Organization);
    if (by.id) return repo.findOneBy({ id: by.id });
    if (by.creditCode) return repo.findOneBy({ creditCode: normalizeCode(by.creditCode) });
    return null;
  }

  async list(_ctx: RequestContext, filter: OrganizationFilter = {}, args: ConnectionArgs = {}): Promise<Page<Organization>> {
    const qb = this.ds.getRepository(Organization).createQueryBuilder('org');
    if (filter.kind) qb.andWhere('org.kind = :kind', { kind: filter.kind });
    if (filter.nameContains) {
      qb.andWhere(`org.name LIKE :name ESCAPE '\\'`, { name: likeContains(filter.nameContains) });
    }
    return paginate(qb, args, { expression: 'org.name', value: (o) => o.name }, this.config.maxPageSize);
  }

  async create(ctx: RequestContext, input: OrganizationCreateInput): Promise<Outcome<Organization>> {
    input.creditCode = normalizeCode(input.creditCode);
    input.name = input.name.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      await this.assertCodeFree(em, input.creditCode);
      if (input.supervisorId) await this.supervisorOf(em, input.supervisorId, null);
      return em.save(em.create(Organization, { ...input, supervisorId: input.supervisorId ?? null }));
    });
  }

  async update(ctx: RequestContext, input: OrganizationUpdateInput): Promise<Outcome<Organization>> {
    if (input.creditCode) input.creditCode = normalizeCode(input.creditCode);
    if (input.name) input.name = input.name.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const org = await em.findOne(Organization, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!org) refuse(UserErrorCode.NOT_FOUND, '单位不存在', ['input', 'id']);
      if (input.creditCode && input.creditCode !== org.creditCode) await this.assertCodeFree(em, input.creditCode);
      if (input.supervisorId) await this.supervisorOf(em, input.supervisorId, org.id);
      if (input.name !== undefined && input.name !== null) org.name = input.name;
      if (input.creditCode) org.creditCode = input.creditCode;
      if (input.kind) org.kind = input.kind;
      if (input.supervisorId !== undefined) org.supervisorId = input.supervisorId;
      return em.save(org);
    });
  }

  private async assertCodeFree(em: EntityManager, creditCode: string): Promise<void> {
    if (await em.existsBy(Organization, { creditCode })) {
      refuse(UserErrorCode.DUPLICATE, '该统一社会信用代码已被其他单位使用', ['input', 'creditCode']);
    }
  }

  /** The supervising organisation must exist and must not be the organisation itself or one it supervises. */
  private async supervisorOf(em: EntityManager, supervisorId: string, selfId: string | null): Promise<void> {
    const field = ['input', 'supervisorId'];
    const chain: { id: string }[] = await em.query(
      `WITH RECURSIVE up(id, supervisor_id, depth) AS (
         SELECT id, supervisor_id, 0 FROM organization WHERE id = $1
         UNION ALL
         SELECT o.id, o.supervisor_id, up.depth + 1 FROM organization o JOIN up ON o.id = up.supervisor_id WHERE up.depth < 50
       ) SELECT id FROM up`,
      [supervisorId],
    );
    if (chain.length === 0) refuse(UserErrorCode.NOT_FOUND, '主管单位不存在', field);
    if (selfId && chain.some((c) => c.id === selfId)) refuse(UserErrorCode.INVALID, '主管单位不能是本单位或其下属单位', field);
  }
}
