import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Clock } from '../../common/clock';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { Role } from '../../common/role.enums';
import { refuse, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { mutate, Outcome } from '../../db/transaction';
import { Organization } from '../organization';
import { ApiToken } from './api-token.entity';
import { ApiTokenCreated } from './auth.payloads';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from './credential';
import { ApiTokenCreateInput, ApiTokenRevokeInput } from './user.inputs';

/**
 * Service accounts (ADMIN): API tokens for the city exchange platform and projects' own systems.
 * The secret (`chub_` and 32 random bytes, base64url) is answered once; the hub keeps its SHA-256.
 */
export class ApiTokenService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize' | 'apiTokenMaxDays'>,
    private readonly clock: Clock,
  ) {}

  async list(_ctx: RequestContext, args: ConnectionArgs = {}): Promise<Page<ApiToken>> {
    const qb = this.ds.getRepository(ApiToken).createQueryBuilder('t');
    return paginate(qb, args, { expression: 't.name', value: (t) => t.name }, this.config.maxPageSize);
  }

  async create(ctx: RequestContext, input: ApiTokenCreateInput): Promise<Outcome<ApiTokenCreated>> {
    input.name = input.name.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    const token = `${API_TOKEN_PREFIX}${newSecret()}`;
    return mutate(this.ds, ctx, async (em) => {
      if (input.expiresInDays > this.config.apiTokenMaxDays) {
        refuse(UserErrorCode.OUT_OF_RANGE, `有效天数不能超过 ${this.config.apiTokenMaxDays} 天`, ['input', 'expiresInDays']);
      }
      if (input.organizationId && !(await em.existsBy(Organization, { id: input.organizationId }))) {
        refuse(UserErrorCode.NOT_FOUND, '单位不存在', ['input', 'organizationId']);
      }
      if (!input.organizationId && input.role === Role.PROJECT_UNIT) {
        refuse(UserErrorCode.REQUIRED, '项目建设单位的令牌必须属于一个单位（第五条）', ['input', 'organizationId'], '第五条');
      }
      const apiToken = await em.save(
        em.create(ApiToken, {
          name: input.name,
          role: input.role,
          organizationId: input.organizationId ?? null,
          secretHash: hashSecret(token),
          expiresAt: new Date(this.clock.now().getTime() + input.expiresInDays * 86_400_000),
          createdBy: ctx.caller?.userId ?? 'system',
        }),
      );
      return { token, apiToken };
    });
  }

  /** Revokes a token: its next request is refused. */
  async revoke(ctx: RequestContext, input: ApiTokenRevokeInput): Promise<Outcome<ApiToken>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const token = await em.findOne(ApiToken, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!token) refuse(UserErrorCode.NOT_FOUND, '令牌不存在', ['input', 'id']);
      if (token.revokedAt) refuse(UserErrorCode.INVALID_TRANSITION, '该令牌已吊销', ['input', 'id']);
      token.revokedAt = this.clock.now();
      return em.save(token);
    });
  }
}
