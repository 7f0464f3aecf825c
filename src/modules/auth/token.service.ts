import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import type { Config } from '../../config';
import { isUuid } from '../../graphql/scalars';
import { unauthenticated } from '../../common/errors';

/** What a hub access token says: whose it is and which session it belongs to. */
export interface AccessClaims {
  userId: string;
  sessionId: string;
}

/** The hub's signing key is not configured (production with OIDC only): it issues no tokens of its own. */
export class SigningDisabled extends Error {}

/**
 * The hub's own access tokens: HS256 JWTs naming the user (sub) and the session (sid), with `iat`
 * and `exp` required and a lifetime of at most TOKEN_MAX_TTL_SECONDS. They carry no roles: the
 * caller's roles, organisation and standing are read from the database on every request, so a
 * disabled user or a revoked session is refused on the next one.
 */
export class TokenService {
  constructor(private readonly config: Pick<Config, 'jwtSecret' | 'jwtIssuer' | 'tokenMaxTtlSeconds'>) {}

  get canSign(): boolean {
    return this.config.jwtSecret !== null;
  }

  async sign(claims: AccessClaims, ttlSeconds: number): Promise<{ token: string; expiresAt: Date }> {
    if (!this.config.jwtSecret) throw new SigningDisabled('JWT_SECRET is not set: the hub issues no access tokens of its own');
    if (!(ttlSeconds > 0 && ttlSeconds <= this.config.tokenMaxTtlSeconds)) {
      throw new RangeError(`a token lives 1 to ${this.config.tokenMaxTtlSeconds} seconds (TOKEN_MAX_TTL_SECONDS), not ${ttlSeconds}`);
    }
    const iat = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(this.config.jwtIssuer)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ttlSeconds)
      .sign(this.config.jwtSecret);
    return { token, expiresAt: new Date((iat + ttlSeconds) * 1000) };
  }

  /** Whether a bearer JWT is one of the hub's (HS256) rather than an OIDC issuer's. */
  static isHubToken(jwt: string): boolean {
    try {
      return decodeProtectedHeader(jwt).alg === 'HS256';
    } catch {
      return false;
    }
  }

  /** The claims of a valid hub token; UNAUTHENTICATED for anything else (never an internal error). */
  async verify(jwt: string): Promise<AccessClaims> {
    if (!this.config.jwtSecret) throw unauthenticated();
    try {
      const { payload } = await jwtVerify(jwt, this.config.jwtSecret, {
        issuer: this.config.jwtIssuer,
        algorithms: ['HS256'],
        requiredClaims: ['sub', 'sid', 'iat', 'exp'],
        clockTolerance: 30,
      });
      const { sub, sid, iat, exp } = payload;
      if (typeof sub !== 'string' || !isUuid(sub) || typeof sid !== 'string' || !isUuid(sid)) throw new Error('claims');
      // exp is bounded: a token made to live longer than TOKEN_MAX_TTL_SECONDS, or issued in the future, is refused.
      if (typeof iat !== 'number' || typeof exp !== 'number' || exp - iat > this.config.tokenMaxTtlSeconds || iat > Date.now() / 1000 + 30) {
        throw new Error('lifetime');
      }
      return { userId: sub, sessionId: sid };
    } catch {
      throw unauthenticated();
    }
  }
}
