/**
 * 统一身份认证: the government identity platform as an OIDC issuer. Its RS256/ES256 ID or access
 * tokens are verified against its JWKS (a URL, fetched and cached by jose, refetched for an
 * unknown key id; or a file read at start), with issuer, audience and expiry checked and the
 * lifetime bounded by TOKEN_MAX_TTL_SECONDS. The subject maps to the hub user whose `ssoSubject`
 * it is; that user's roles and organisation apply.
 */
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, JSONWebKeySet, jwtVerify, JWTVerifyGetKey } from 'jose';
import type { OidcConfig } from '../../config';
import { unauthenticated } from '../../common/errors';

export class OidcVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly config: OidcConfig,
    private readonly maxTtlSeconds: number,
  ) {
    if ('url' in config.jwks) {
      this.keys = createRemoteJWKSet(new URL(config.jwks.url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    } else {
      let set: JSONWebKeySet;
      try {
        set = JSON.parse(readFileSync(config.jwks.file, 'utf8')) as JSONWebKeySet;
      } catch (err) {
        throw new Error(`OIDC_JWKS: cannot read the key set ${config.jwks.file}: ${(err as Error).message}`, { cause: err });
      }
      if (!Array.isArray(set?.keys)) throw new Error(`OIDC_JWKS: ${config.jwks.file} has no "keys" array`);
      this.keys = createLocalJWKSet(set);
    }
  }

  /** The subject of a valid token of the issuer; UNAUTHENTICATED otherwise. */
  async subjectOf(jwt: string): Promise<string> {
    try {
      const { payload } = await jwtVerify(jwt, this.keys, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.config.algorithms,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: 30,
      });
      const now = Date.now() / 1000;
      const start = typeof payload.iat === 'number' ? payload.iat : now;
      if (typeof payload.sub !== 'string' || payload.sub.length === 0 || payload.sub.length > 200) throw new Error('sub');
      if (payload.exp! - start > this.maxTtlSeconds || payload.exp! - now > this.maxTtlSeconds) throw new Error('lifetime');
      return payload.sub;
    } catch {
      throw unauthenticated();
    }
  }
}
