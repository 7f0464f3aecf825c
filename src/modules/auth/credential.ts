/** Opaque credentials: random secrets shown once, kept only as SHA-256 hashes, compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../graphql/scalars';

/** Prefix of a service account's API token, so that it is told from a JWT at a glance (and by secret scanners). */
export const API_TOKEN_PREFIX = 'chub_';

export const newSecret = () => randomBytes(32).toString('base64url');

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function sameHash(secret: string, storedHex: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHex, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `<session id>.<secret>` (a refresh token, the cookie's value) → its parts; null when it is not of that form. */
export function splitCredential(value: string): { id: string; secret: string } | null {
  const dot = value.indexOf('.');
  if (dot < 0 || value.length > 200) return null;
  const id = value.slice(0, dot);
  const secret = value.slice(dot + 1);
  return isUuid(id) && /^[A-Za-z0-9_-]{43}$/.test(secret) ? { id, secret } : null;
}
