import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Clock } from '../../common/clock';
import type { RequestContext } from '../../common/request-context';
import type { Caller } from '../../common/caller';
import { refuse, userError, UserErrorCode } from '../../common/user-error';
import { validateInput } from '../../common/validation';
import { mutate, Outcome } from '../../db/transaction';
import { hashSecret, newSecret, sameHash, splitCredential } from './credential';
import { verifyPassword } from './password';
import { SessionTokens } from './auth.payloads';
import { TokenService } from './token.service';
import { normalizeLogin } from './user.service';
import { User } from './user.entity';
import { SessionKind, UserSession } from './user-session.entity';
import { SessionCreateInput, SessionRefreshInput } from './user.inputs';

/**
 * An access token for a user without a password check, in a session of its own (so that
 * userDisable, or revoking the session, ends it): for `npm run token` and the specs, never over the API.
 */
export async function issueToken(ds: DataSource, tokens: TokenService, userId: string, ttlSeconds: number, now = new Date()) {
  const session = await ds.getRepository(UserSession).save({
    userId,
    kind: 'TOKEN' as const,
    secretHash: hashSecret(newSecret()),
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
  });
  return tokens.sign({ userId, sessionId: session.id }, ttlSeconds);
}

/** Where a sign-in comes from, kept with the session. */
export interface ClientInfo {
  address?: string | null;
  userAgent?: string | null;
}

const WRONG = '登录名或密码不正确';

const signingOff = () => userError(UserErrorCode.NOT_ALLOWED, '本平台未配置 JWT_SECRET，不签发访问令牌：请使用统一身份认证，或在控制台登录', ['input']);

/**
 * Sign-in with a password (第十九条: 身份鉴别, 登录失败处理): a session with a short-lived access
 * token and a refresh token (sessionCreate), or the console's cookie (POST /auth/session).
 * LOGIN_MAX_FAILURES wrong passwords in a row lock the account for LOGIN_LOCK_MINUTES; an unknown
 * login and a wrong password answer alike and take as long.
 */
export class SessionService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'accessTokenTtlSeconds' | 'sessionMaxHours' | 'loginMaxFailures' | 'loginLockMinutes'>,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
    /** A refused sign-in, for the security log (审计记录, 第十九条): given by the composition root. */
    private readonly signInRefused: (ctx: RequestContext, login: string, reason: string) => Promise<void> = async () => undefined,
  ) {}

  /** Checks the password and opens a session of `kind`; its secret is returned once, stored only as a hash. */
  async signIn(
    ctx: RequestContext,
    input: SessionCreateInput,
    kind: SessionKind,
    client: ClientInfo = {},
  ): Promise<Outcome<{ user: User; session: UserSession; secret: string }>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    if (kind === 'TOKEN' && !this.tokens.canSign) return { result: null, userErrors: [signingOff()] };
    const login = normalizeLogin(input.login);
    const user = await this.ds.getRepository(User).findOneBy({ login });
    const now = this.clock.now();
    if (user?.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      await this.signInRefused(ctx, login, 'ACCOUNT_LOCKED');
      return {
        result: null,
        userErrors: [
          userError(UserErrorCode.ACCOUNT_LOCKED, `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试（第十九条）`, ['input', 'login'], '第十九条'),
        ],
      };
    }
    const matches = await verifyPassword(input.password, user?.passwordHash ?? null);
    if (!user || !matches) {
      if (user) await this.countFailure(user, now);
      await this.signInRefused(ctx, login, user ? 'WRONG_PASSWORD' : 'UNKNOWN_LOGIN');
      return { result: null, userErrors: [userError(UserErrorCode.INVALID_CREDENTIALS, WRONG, ['input', 'password'])] };
    }
    if (user.disabledAt) {
      await this.signInRefused(ctx, login, 'DISABLED');
      return { result: null, userErrors: [userError(UserErrorCode.INVALID_CREDENTIALS, '账号已停用，请联系系统管理员', ['input', 'login'])] };
    }
    const secret = newSecret();
    // The request has no caller yet: the audit entry's actor is the user who signs in (第十九条、第三十四条).
    const signedIn: Caller = { userId: user.id, organizationId: user.organizationId, roles: user.roles, name: user.name, kind: 'USER' };
    return mutate(this.ds, { ...ctx, caller: signedIn }, async (em) => {
      await em.update(User, { id: user.id }, { failedSignIns: 0, lockedUntil: null, lastSignInAt: now });
      const session = await em.save(
        em.create(UserSession, {
          userId: user.id,
          kind,
          secretHash: hashSecret(secret),
          clientAddress: client.address?.slice(0, 100) ?? null,
          userAgent: client.userAgent?.slice(0, 200) ?? null,
          lastUsedAt: now,
          expiresAt: new Date(now.getTime() + this.config.sessionMaxHours * 3600_000),
        }),
      );
      return { user: Object.assign(user, { lastSignInAt: now, failedSignIns: 0, lockedUntil: null }), session, secret };
    });
  }

  /** sessionCreate: the password checked, an access token and a refresh token. */
  async create(ctx: RequestContext, input: SessionCreateInput, client: ClientInfo = {}): Promise<Outcome<SessionTokens>> {
    const { result, userErrors } = await this.signIn(ctx, input, 'TOKEN', client);
    if (!result) return { result: null, userErrors };
    return { result: await this.tokensOf(result.user, result.session, result.secret), userErrors: [] };
  }

  /**
   * sessionRefresh: a new access token and a new refresh token for a live session; the old
   * refresh token stops working. A refresh token used a second time (stolen, or replayed) ends its session.
   */
  async refresh(ctx: RequestContext, input: SessionRefreshInput): Promise<Outcome<SessionTokens>> {
    const errors = await validateInput(input);
    if (errors.length) return { result: null, userErrors: errors };
    if (!this.tokens.canSign) return { result: null, userErrors: [signingOff()] };
    const parts = splitCredential(input.refreshToken);
    const invalid: () => never = () => refuse(UserErrorCode.INVALID_CREDENTIALS, '刷新令牌无效或会话已结束，请重新登录', ['input', 'refreshToken']);
    const secret = newSecret();
    const now = this.clock.now();
    let replayed: string | null = null;
    const outcome = await mutate(this.ds, ctx, async (em) => {
      if (!parts) invalid();
      const session = await em.findOne(UserSession, { where: { id: parts.id, kind: 'TOKEN' }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.revokedAt || session.expiresAt <= now) invalid();
      if (!sameHash(parts.secret, session.secretHash)) {
        replayed = session.id;
        invalid();
      }
      const user = await em.findOneBy(User, { id: session.userId });
      if (!user || user.disabledAt) invalid();
      session.secretHash = hashSecret(secret);
      session.lastUsedAt = now;
      await em.save(session);
      return { user, session };
    });
    if (replayed) await this.ds.getRepository(UserSession).update({ id: replayed }, { revokedAt: now });
    if (!outcome.result) return { result: null, userErrors: outcome.userErrors };
    return { result: await this.tokensOf(outcome.result.user, outcome.result.session, secret), userErrors: [] };
  }

  /** sessionRevoke (sign-out): ends the session of a refresh token or a cookie; its access tokens stop working at once. */
  async revoke(ctx: RequestContext, credential: string, kind: SessionKind): Promise<Outcome<boolean>> {
    const parts = splitCredential(credential);
    return mutate(this.ds, ctx, async (em) => {
      const session = parts ? await em.findOne(UserSession, { where: { id: parts.id, kind }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!parts || !session || !sameHash(parts.secret, session.secretHash)) {
        refuse(UserErrorCode.INVALID_CREDENTIALS, '刷新令牌无效', ['input', 'refreshToken']);
      }
      if (!session.revokedAt) await em.update(UserSession, { id: session.id }, { revokedAt: this.clock.now() });
      return true;
    });
  }

  /** An access token for a user without a password check (issueToken): `npm run token` and the specs. */
  issueToken(userId: string, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    return issueToken(this.ds, this.tokens, userId, ttlSeconds, this.clock.now());
  }

  private async tokensOf(user: User, session: UserSession, secret: string): Promise<SessionTokens> {
    const ttl = Math.min(this.config.accessTokenTtlSeconds, Math.floor((session.expiresAt.getTime() - this.clock.now().getTime()) / 1000));
    const access = await this.tokens.sign({ userId: user.id, sessionId: session.id }, Math.max(1, ttl));
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken: `${session.id}.${secret}`,
      refreshTokenExpiresAt: session.expiresAt,
      user,
    };
  }

  /** A wrong password: one more failure, and at LOGIN_MAX_FAILURES the lock (kept although the sign-in is refused). */
  private async countFailure(user: User, now: Date): Promise<void> {
    await this.ds.query(
      `UPDATE hub_user SET
         failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0 ELSE failed_sign_ins + 1 END,
         locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3::timestamptz + make_interval(mins => $4) ELSE locked_until END
       WHERE id = $1`,
      [user.id, this.config.loginMaxFailures, now, this.config.loginLockMinutes],
    );
  }
}
