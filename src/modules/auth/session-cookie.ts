/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Path=/, Secure with the `__Host-` prefix behind TLS (SESSION_COOKIE_SECURE).
 * Its value is `<session id>.<secret>`; the hub keeps only the secret's hash.
 */
import type { IncomingMessage } from 'node:http';
import type { Config } from '../../config';
import { CSRF_HEADER } from '../../common/csrf';

export { CSRF_HEADER };

export const cookieName = (config: Pick<Config, 'cookieSecure'>) => (config.cookieSecure ? '__Host-hub_session' : 'hub_session');

export function readSessionCookie(req: IncomingMessage, config: Pick<Config, 'cookieSecure'>): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  const name = cookieName(config);
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

export function sessionCookie(config: Pick<Config, 'cookieSecure' | 'sessionMaxHours'>, value: string): string {
  const secure = config.cookieSecure ? '; Secure' : '';
  return `${cookieName(config)}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${config.sessionMaxHours * 3600}${secure}`;
}

export function clearedCookie(config: Pick<Config, 'cookieSecure'>): string {
  const secure = config.cookieSecure ? '; Secure' : '';
  return `${cookieName(config)}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${secure}`;
}

/**
 * The CSRF rule for a request authenticated by the cookie: a method that can change something
 * (anything but GET and HEAD) must carry the X-CSRF-Protection header, which a page of another
 * origin cannot set without a CORS preflight the hub never grants, and, when the browser names
 * the Origin, come from the hub's own origin.
 */
export function csrfSafe(req: IncomingMessage, publicUrl: string | null): boolean {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'GET' || method === 'HEAD') return true;
  if (!req.headers[CSRF_HEADER]) return false;
  const origin = req.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === req.headers.host || (publicUrl !== null && host === new URL(publicUrl).host);
}
