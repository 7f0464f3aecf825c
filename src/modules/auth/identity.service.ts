import type { IncomingMessage } from 'node:http';
import type { DataSource } from 'typeorm';
import type { Config } from '../../config';
import type { Caller } from '../../common/caller';
import type { Clock } from '../../common/clock';
import { ErrorCode, hubError, unauthenticated } from '../../common/errors';
import { Role } from '../../common/role.enums';
import { API_TOKEN_PREFIX, hashSecret, sameHash, splitCredential } from './credential';
import { OidcVerifier } from './oidc';
import { csrfSafe, CSRF_HEADER, readSessionCookie } from './session-cookie';
import { TokenService } from './token.service';
import { CALLER_LOOKUP } from '../../db/statement-counter';

/** last_used_at is written at most this often per session or API token, not on every request. */
const TOUCH_MS = 60_000;

interface UserRow {
  id: string;
  name: string;
  organization_id: string | null;
  roles: Role[];
}

const userCaller = (u: UserRow): Caller => ({ userId: u.id, organizationId: u.organization_id, roles: u.roles, name: u.name, kind: 'USER' });

const USER_COLUMNS = `u.id, u.name, u.organization_id, u.roles::text[] AS roles`;

/**
 * Who calls: the one place a request's credentials become its caller, for GraphQL, the rate
 * limiter and the file routes alike. `Authorization: Bearer` carries a hub access token, a
 * service account's API token or the OIDC issuer's token; without it the console's session
 * cookie counts (under the CSRF rule). Every credential is checked against the database on
 * every request: a disabled user, a revoked session or a revoked API token is refused at once.
 */
export class IdentityService {
  private readonly oidc: OidcVerifier | null;

  constructor(
    private readonly ds: DataSource,
    private readonly config: Pick<Config, 'cookieSecure' | 'publicUrl' | 'sessionIdleMinutes' | 'oidc' | 'tokenMaxTtlSeconds'>,
    private readonly clock: Clock,
    private readonly tokens: TokenService,
  ) {
    this.oidc = config.oidc ? new OidcVerifier(config.oidc, config.tokenMaxTtlSeconds) : null;
  }

  /** The caller of a request; null without credentials; UNAUTHENTICATED or CSRF_REFUSED when they are bad. */
  async callerOf(req: IncomingMessage): Promise<Caller | null> {
    const authorization = req.headers.authorization;
    if (authorization) return this.callerFrom(authorization);
    const cookie = readSessionCookie(req, this.config);
    if (!cookie) return null;
    if (!csrfSafe(req, this.config.publicUrl)) {
      throw hubError(ErrorCode.CSRF_REFUSED, `以会话 Cookie 登录时，GET 以外的请求须带 ${CSRF_HEADER} 请求头，且来自本平台页面`);
    }
    return this.cookieCaller(cookie);
  }

  /** The caller of an `Authorization` header value; null when there is none; UNAUTHENTICATED when it is bad. */
  async callerFrom(authorization: string | undefined): Promise<Caller | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S{1,4096})$/i.exec(authorization.trim());
    if (!m) throw unauthenticated();
    const credential = m[1];
    if (credential.startsWith(API_TOKEN_PREFIX)) return this.apiTokenCaller(credential);
    if (TokenService.isHubToken(credential)) return this.hubTokenCaller(credential);
    if (this.oidc) return this.oidcCaller(credential);
    throw unauthenticated();
  }

  /** The user of a session cookie's value, or null when it names no live session (signed out, expired, disabled). */
  async cookieUser(value: string): Promise<Caller | null> {
    return this.cookieCaller(value).catch(() => null);
  }

  private async hubTokenCaller(jwt: string): Promise<Caller> {
    const { userId, sessionId } = await this.tokens.verify(jwt);
    const [row]: (UserRow & { expires_at: Date })[] = await this.ds.query(
      `${CALLER_LOOKUP} SELECT ${USER_COLUMNS}, s.expires_at FROM user_session s JOIN hub_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.kind = 'TOKEN' AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [sessionId, userId],
    );
    if (!row || row.expires_at <= this.clock.now()) throw unauthenticated();
    return userCaller(row);
  }

  private async cookieCaller(value: string): Promise<Caller> {
    const parts = splitCredential(value);
    if (!parts) throw unauthenticated();
    const [row]: (UserRow & { expires_at: Date; last_used_at: Date; secret_hash: string })[] = await this.ds.query(
      `${CALLER_LOOKUP} SELECT ${USER_COLUMNS}, s.expires_at, s.last_used_at, s.secret_hash FROM user_session s JOIN hub_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.kind = 'COOKIE' AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [parts.id],
    );
    const now = this.clock.now();
    if (!row || !sameHash(parts.secret, row.secret_hash) || row.expires_at <= now) throw unauthenticated();
    if (now.getTime() - row.last_used_at.getTime() > this.config.sessionIdleMinutes * 60_000) throw unauthenticated();
    if (now.getTime() - row.last_used_at.getTime() > TOUCH_MS) {
      await this.ds.query(`${CALLER_LOOKUP} UPDATE user_session SET last_used_at = $2 WHERE id = $1`, [parts.id, now]);
    }
    return userCaller(row);
  }

  private async apiTokenCaller(token: string): Promise<Caller> {
    if (!/^chub_[A-Za-z0-9_-]{43}$/.test(token)) throw unauthenticated();
    const [row]: { id: string; name: string; role: Role; organization_id: string | null; expires_at: Date; last_used_at: Date | null }[] = await this.ds.query(
      `${CALLER_LOOKUP} SELECT id, name, role::text AS role, organization_id, expires_at, last_used_at FROM api_token WHERE secret_hash = $1 AND revoked_at IS NULL`,
      [hashSecret(token)],
    );
    const now = this.clock.now();
    if (!row || row.expires_at <= now) throw unauthenticated();
    if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_MS) {
      await this.ds.query(`${CALLER_LOOKUP} UPDATE api_token SET last_used_at = $2 WHERE id = $1`, [row.id, now]);
    }
    return { userId: row.id, organizationId: row.organization_id, roles: [row.role], name: row.name, kind: 'SERVICE_ACCOUNT' };
  }

  private async oidcCaller(jwt: string): Promise<Caller> {
    const subject = await this.oidc!.subjectOf(jwt);
    const [row]: UserRow[] = await this.ds.query(`${CALLER_LOOKUP} SELECT ${USER_COLUMNS} FROM hub_user u WHERE u.sso_subject = $1 AND u.disabled_at IS NULL`, [
      subject,
    ]);
    if (!row) throw unauthenticated();
    return userCaller(row);
  }
}
