import { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config';
import type { Clock } from '../../common/clock';
import { ConnectionArgs } from '../../graphql/connection';
import { Page, paginate } from '../../common/paging';
import type { RequestContext } from '../../common/request-context';
import { Role } from '../../common/role.enums';
import { refuse, UserError, userError, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { likeContains } from '../../common/text';
import { mutate, Outcome, registerUniqueViolation } from '../../db/transaction';
import { Organization } from '../organization';
import { hashPassword, passwordProblem } from './password';
import { LOGIN_KEY, SSO_SUBJECT_KEY, User } from './user.entity';
import { UserCreateInput, UserDisableInput, UserUpdateInput, ViewerEmailSetInput } from './user.inputs';
import { UserSession } from './user-session.entity';

registerUniqueViolation({ constraint: LOGIN_KEY, field: ['input', 'login'], message: '该登录名已被使用' });
registerUniqueViolation({ constraint: SSO_SUBJECT_KEY, field: ['input', 'ssoSubject'], message: '该统一身份认证用户标识已绑定其他用户' });

export const normalizeLogin = (login: string) => login.trim().toLowerCase();

/** The policy's refusal of a new password, naming the field (第十九条). */
export function passwordErrors(password: string | null | undefined, login: string | null): UserError[] {
  if (password === undefined || password === null) return [];
  const problem = passwordProblem(password, login);
  return problem ? [userError(UserErrorCode.WEAK_PASSWORD, problem, ['input', 'password'], '第十九条')] : [];
}

/** Ends every open session of a user (their access and refresh tokens and cookies stop working). */
export async function revokeSessionsOf(em: EntityManager, userId: string, at: Date): Promise<void> {
  await em.createQueryBuilder().update(UserSession).set({ revokedAt: at }).where('user_id = :userId AND revoked_at IS NULL', { userId }).execute();
}

/** Users (ADMIN): create, change, disable, list; and each person’s own reminder address. */
export class UserService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'maxPageSize'>,
    private readonly clock: Clock,
  ) {}

  async findOne(_ctx: RequestContext, id: string): Promise<User | null> {
    return this.ds.getRepository(User).findOneBy({ id });
  }

  async list(_ctx: RequestContext, args: ConnectionArgs = {}): Promise<Page<User>> {
    const qb = this.ds.getRepository(User).createQueryBuilder('u');
    return paginate(qb, args, { expression: 'u.login', value: (u) => u.login }, this.config.maxPageSize);
  }

  async create(ctx: RequestContext, input: UserCreateInput): Promise<Outcome<User>> {
    input.login = normalizeLogin(input.login);
    input.name = input.name.trim();
    input.roles = [...new Set(input.roles)];
    if (typeof input.email === 'string') input.email = input.email.trim();
    const errors = [...(await validateInput(input)), ...passwordErrors(input.password, input.login)];
    if (errors.length) return { result: null, userErrors: errors };
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return mutate(this.ds, ctx, async (em) => {
      await this.checkScope(em, input.roles, input.organizationId ?? null);
      const user = em.create(User, {
        login: input.login,
        name: input.name,
        organizationId: input.organizationId ?? null,
        roles: input.roles,
        passwordHash,
        passwordChangedAt: passwordHash ? this.clock.now() : null,
        ssoSubject: input.ssoSubject ?? null,
        email: input.email ?? null,
      });
      return em.save(user);
    });
  }

  async update(ctx: RequestContext, input: UserUpdateInput): Promise<Outcome<User>> {
    if (typeof input.name === 'string') input.name = input.name.trim();
    if (input.roles) input.roles = [...new Set(input.roles)];
    if (typeof input.email === 'string') input.email = input.email.trim();
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    const existing = await this.ds.getRepository(User).findOneBy({ id: input.id });
    const policy = passwordErrors(input.password, existing?.login ?? null);
    if (policy.length) return { result: null, userErrors: policy };
    const passwordHash = input.password ? await hashPassword(input.password) : null;
    return mutate(this.ds, ctx, async (em) => {
      const user = await em.findOne(User, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) refuse(UserErrorCode.NOT_FOUND, '用户不存在', ['input', 'id']);
      if (input.name) user.name = input.name;
      if (input.roles) user.roles = input.roles;
      if (input.organizationId !== undefined) user.organizationId = input.organizationId;
      if (input.ssoSubject !== undefined) user.ssoSubject = input.ssoSubject;
      if (input.email !== undefined) user.email = input.email;
      if (input.roles || input.organizationId !== undefined) await this.checkScope(em, user.roles, user.organizationId);
      if (passwordHash) {
        const now = this.clock.now();
        user.passwordHash = passwordHash;
        user.passwordChangedAt = now;
        user.failedSignIns = 0;
        user.lockedUntil = null;
        await revokeSessionsOf(em, user.id, now);
      }
      return em.save(user);
    });
  }

  /**
   * The signed-in person sets (or, with null or blank, removes) their own reminder address: the
   * daily digest goes there from the next round. A service account has no mailbox of its own.
   */
  async viewerEmailSet(ctx: RequestContext, input: ViewerEmailSetInput): Promise<Outcome<User>> {
    if (typeof input.email === 'string') input.email = input.email.trim() || null;
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    const userId = ctx.caller?.kind === 'SERVICE_ACCOUNT' ? null : (ctx.caller?.userId ?? null);
    const mine = userId ? await this.ds.getRepository(User).existsBy({ id: userId }) : false;
    if (!mine)
      return { result: null, userErrors: [userError(UserErrorCode.NOT_ALLOWED, '只有用户本人可以设置提醒邮箱，服务账号没有邮箱', ['input', 'email'])] };
    return mutate(this.ds, ctx, async (em) => {
      const user = await em.findOne(User, { where: { id: userId! }, lock: { mode: 'pessimistic_write' } });
      if (!user) refuse(UserErrorCode.NOT_FOUND, '用户不存在', ['input', 'email']);
      user.email = input.email ?? null;
      return em.save(user);
    });
  }

  /** Disables a user: the next request with any of their tokens or their session cookie is refused. */
  async disable(ctx: RequestContext, input: UserDisableInput): Promise<Outcome<User>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    return mutate(this.ds, ctx, async (em) => {
      const user = await em.findOne(User, { where: { id: input.id }, lock: { mode: 'pessimistic_write' } });
      if (!user) refuse(UserErrorCode.NOT_FOUND, '用户不存在', ['input', 'id']);
      if (user.disabledAt) refuse(UserErrorCode.INVALID_TRANSITION, '该用户已停用', ['input', 'id']);
      if (ctx.caller?.userId === user.id) refuse(UserErrorCode.NOT_ALLOWED, '不能停用自己的账号', ['input', 'id']);
      const now = this.clock.now();
      user.disabledAt = now;
      await revokeSessionsOf(em, user.id, now);
      return em.save(user);
    });
  }

  /** The organisation must exist; a project unit belongs to one (第五条: 各单位作为建设和运维主体). */
  private async checkScope(em: EntityManager, roles: Role[], organizationId: string | null): Promise<void> {
    if (organizationId && !(await em.existsBy(Organization, { id: organizationId }))) {
      refuse(UserErrorCode.NOT_FOUND, '单位不存在', ['input', 'organizationId']);
    }
    if (!organizationId && roles.includes(Role.PROJECT_UNIT)) {
      refuse(UserErrorCode.REQUIRED, '项目建设单位的用户必须属于一个单位（第五条）', ['input', 'organizationId'], '第五条');
    }
  }
}

/** What another module may know of a user: the name, the roles, whether the account is in use. */
export interface UserSummary {
  id: string;
  name: string;
  login: string;
  organizationId: string | null;
  roles: Role[];
  disabled: boolean;
}

/** A user by id (an enabled or disabled one), as other modules see them; null when there is none. */
export async function userSummary(em: EntityManager | DataSource, id: string): Promise<UserSummary | null> {
  const u = await em.getRepository(User).findOneBy({ id });
  return u ? { id: u.id, name: u.name, login: u.login, organizationId: u.organizationId, roles: u.roles, disabled: u.disabledAt !== null } : null;
}

/** The enabled user `id` when they hold the EXPERT role (专家咨询小组, 第六条), with their name; otherwise null. */
export async function expertById(em: EntityManager | DataSource, id: string): Promise<UserSummary | null> {
  const u = await userSummary(em, id);
  return u && !u.disabled && u.roles.includes(Role.EXPERT) ? u : null;
}

/** An enabled expert's account as the office chooses among them (第六条): the name and the organisation's, if any. */
export interface ExpertListing {
  id: string;
  name: string;
  organizationName: string | null;
}

/**
 * The enabled accounts holding the EXPERT role (专家咨询小组, 第六条) whose name contains
 * `nameContains` (taken literally; every expert when null), by name then id, at most `limit`.
 */
export async function enabledExperts(em: EntityManager | DataSource, nameContains: string | null, limit: number): Promise<ExpertListing[]> {
  const qb = em
    .getRepository(User)
    .createQueryBuilder('u')
    .leftJoin(Organization, 'o', 'o.id = u.organizationId')
    .select(['u.id AS id', 'u.name AS name', 'o.name AS "organizationName"'])
    .where('u.disabledAt IS NULL')
    .andWhere(':expert = ANY(u.roles)', { expert: Role.EXPERT })
    .orderBy('u.name')
    .addOrderBy('u.id')
    .limit(limit);
  if (nameContains) qb.andWhere(`u.name LIKE :name ESCAPE '\\'`, { name: likeContains(nameContains) });
  return qb.getRawMany<ExpertListing>();
}
