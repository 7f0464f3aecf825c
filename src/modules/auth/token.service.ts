import { jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config';
import { isUuid } from '../../graphql/scalars';
import { unauthenticated } from '../../common/errors';
import type { Caller } from '../../common/caller';
import { ALL_ROLES, Role } from '../../common/role.enums';

/** Bearer tokens: HS256 JWTs carrying the user id (sub), organisation id (org) and roles. */
export class TokenService {
  constructor(private readonly config: Pick<Config, 'jwtSecret' | 'jwtIssuer'>) {}

  async sign(caller: Caller, expiresIn = '12h'): Promise<string> {
    return new SignJWT({ org: caller.organizationId, roles: caller.roles })
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
      if (!payload.sub || !Array.isArray(roles) || roles.length === 0 || !roles.every((r) => ALL_ROLES.includes(r))) {
        throw new Error('claims');
      }
      if (org !== null && org !== undefined && (typeof org !== 'string' || !isUuid(org))) throw new Error('org');
      return { userId: payload.sub, organizationId: (org as string | undefined) ?? null, roles: roles as Role[] };
    } catch {
      throw unauthenticated();
    }
  }
}
