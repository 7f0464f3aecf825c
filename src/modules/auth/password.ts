/**
 * Passwords: node:crypto scrypt hashes (RFC 7914; N=2^15, r=8, p=3, as OWASP lists, 32-byte key, 16-byte salt),
 * stored as `scrypt$N$r$p$salt$key` so the cost can be raised later without losing old hashes,
 * and the password policy (第十九条: 建立健全网络安全管理制度，采取有效技术措施; 等级保护 身份鉴别).
 */
import { randomBytes, randomInt, scrypt, ScryptOptions, timingSafeEqual } from 'node:crypto';

const COST = 2 ** 15;
const BLOCK = 8;
const PARALLEL = 3;
const KEY_BYTES = 32;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, { ...options, maxmem: 256 * options.N! * options.r! }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: COST, r: BLOCK, p: PARALLEL });
  return ['scrypt', COST, BLOCK, PARALLEL, salt.toString('base64'), key.toString('base64')].join('$');
}

/** A hash no password matches, checked when the login is unknown so that the answer takes as long. */
const DUMMY = `scrypt$${COST}$${BLOCK}$${PARALLEL}$${randomBytes(16).toString('base64')}$${randomBytes(KEY_BYTES).toString('base64')}`;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = (stored ?? DUMMY).split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return stored !== null && actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * What is wrong with a new password, in Chinese, or null (第十九条): 12 to 128 characters, at
 * least three of upper case, lower case, digits and symbols, no control characters, and not the
 * login itself inside it.
 */
export function passwordProblem(password: string, login?: string | null): string | null {
  if (password.length < PASSWORD_MIN) return `密码至少需要 ${PASSWORD_MIN} 个字符（第十九条）`;
  if (password.length > PASSWORD_MAX) return `密码不能超过 ${PASSWORD_MAX} 个字符`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) return '密码不能包含控制字符';
  const kinds = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (kinds < 3) return '密码须包含大写字母、小写字母、数字、符号中的至少三类（第十九条）';
  if (login && login.length >= 3 && password.toLowerCase().includes(login.toLowerCase())) return '密码不能包含登录名（第十九条）';
  return null;
}

const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '-_.!'];

/** A random password of 16 characters that meets the policy (the demo users', a reset's). */
export function generatePassword(): string {
  const all = ALPHABETS.join('');
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
