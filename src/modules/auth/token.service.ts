import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config';
import { isUuid } from '../../graphql/scalars';
import { unauthenticated } from '../../common/errors';
import type { Caller } from '../../common/caller';
import { ALL_ROLES, Role } from '../../common/role.enums';
import { textProblem } from '../../common/text';

const MAX_SUBJECT = 200;
const MAX_NAME = 100;

/** Bearer tokens: HS256 JWTs carrying the user id (sub), organisation id (org), roles and optionally a display name (name). */
export class TokenService {
  constructor(private readonly config: Pick<Config, 'jwtSecret' | 'jwtIssuer'>) {}

  async sign(caller: Caller, expiresIn = '12h'): Promise<string> {
    return new SignJWT({ org: caller.organizationId, roles: caller.roles, ...(caller.name ? { name: caller.name } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(caller.userId)
      .setIssuer(this.config.jwtIssuer)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(this.config.jwtSecret);
  }

  /** The caller of an `Authorization` header value; null when there is none; UNAUTHENTICATED when it is bad. */
  async callerFrom(authorization: string | undefined): Promise<Caller | null> {
    if (!authorization) return null;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!m) throw unauthenticated();
    try {
      const { payload } = await jwtVerify(m[1], this.config.jwtSecret, { issuer: this.config.jwtIssuer, algorithms: ['HS256'] });
      const roles = payload.roles;
      const org = payload.org;
      // The subject is recorded as the actor (varchar 200): a longer or unclean one is no caller.
      if (
        !payload.sub ||
        payload.sub.length > MAX_SUBJECT ||
        textProblem(payload.sub) !== null ||
        !Array.isArray(roles) ||
        roles.length === 0 ||
        !roles.every((r) => ALL_ROLES.includes(r))
      ) {
        throw new Error('claims');
      }
      if (org !== null && org !== undefined && (typeof org !== 'string' || !isUuid(org))) throw new Error('org');
      // The display name is optional and only shown (experts by name, 第六条): a bad one is left out, not refused.
      const name =
        typeof payload.name === 'string' && payload.name.trim() && payload.name.length <= MAX_NAME && textProblem(payload.name) === null
          ? payload.name.trim()
          : null;
      return { userId: payload.sub, organizationId: (org as string | undefined) ?? null, roles: roles as Role[], name };
    } catch {
      throw unauthenticated();
    }
  }
}
