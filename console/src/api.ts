/**
 * The console's only way to the hub: the GraphQL operations under ./operations, sent as they are
 * written (the production allow-list holds their hashes), with the session cookie.
 */
import documents from 'virtual:hub-operations';

/** Each operation with the shared fragments it uses (console/src/fragments.graphql), as console/build.mjs made it. */
const byName = new Map(Object.entries(documents));

export interface UserError {
  code: string;
  field: string[] | null;
  message: string;
  article: string | null;
}

/** A fault that is not the user's: not signed in, forbidden, the hub unreachable. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The argument's path a BAD_USER_INPUT names (e.g. ['filter', 'targetId']), when it names one. */
    readonly field?: string[],
  ) {
    super(message);
  }
}

/** The message of a BAD_USER_INPUT naming a field of argument `arg`, by that field's path below it (e.g. 'targetId'); else null. */
export function argumentError(error: unknown, arg: string): { field: string; message: string } | null {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT' || error.field?.[0] !== arg) return null;
  return { field: error.field.slice(1).join('.'), message: error.message };
}

let onUnauthenticated: () => void = () => undefined;
export const whenSignedOut = (fn: () => void) => {
  onUnauthenticated = fn;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function gql<T = any>(operation: string, variables: Record<string, unknown> = {}): Promise<T> {
  const query = byName.get(operation);
  if (!query) throw new ApiError(`未知操作 ${operation}`, 'CONSOLE');
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      // The hub honours the session cookie for a POST only with this header (its CSRF rule).
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-protection': '1' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('无法连接到平台服务，请检查网络后重试', 'NETWORK');
  }
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string; field?: unknown } }[] };
  const first = body.errors?.[0];
  if (first) {
    const code = first.extensions?.code ?? 'ERROR';
    if (code === 'UNAUTHENTICATED') onUnauthenticated();
    const field = Array.isArray(first.extensions?.field) ? first.extensions.field.map(String) : undefined;
    throw new ApiError(code === 'FORBIDDEN' ? '当前账号无权执行此操作' : first.message, code, field);
  }
  if (!body.data) throw new ApiError(`平台服务返回 ${res.status}`, 'HTTP');
  if (/^\s*mutation\b/.test(query)) changed();
  return body.data;
}

/**
 * Every mutation the hub answered (refused or not) is announced here, so that what every page
 * shows of the caller's work (the to-do badge) is read again after it: the one place for that.
 */
const listeners = new Set<() => void>();
function changed(): void {
  for (const fn of listeners) fn();
}
export function onMutation(fn: () => void): () => void {
  listeners.add(fn);
  return () => void listeners.delete(fn);
}

export interface SessionUser {
  login?: string;
  name?: string;
  [key: string]: unknown;
}

/** Signs in over the hub's session endpoint; the cookie it sets is HttpOnly, never seen here. A refusal names the field it is about (login or password) when the hub does. */
export async function signIn(login: string, password: string): Promise<{ ok: true } | { ok: false; message: string; field: 'login' | 'password' | null }> {
  let res: Response;
  try {
    res = await fetch('/auth/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ login, password }),
    });
  } catch {
    return { ok: false, message: '无法连接到平台服务', field: null };
  }
  if (res.ok) {
    // Read to the end: an answer left unread keeps its request open in Chromium (the page never goes quiet).
    await res.text().catch(() => undefined);
    return { ok: true };
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string; error?: string; errors?: { message: string; extensions?: { field?: unknown } }[] };
  const named = body.errors?.[0]?.extensions?.field;
  const field = Array.isArray(named) && (named[0] === 'login' || named[0] === 'password') ? named[0] : res.status === 401 ? 'password' : null;
  return { ok: false, message: body.errors?.[0]?.message ?? body.message ?? (res.status === 401 ? '登录名或密码不正确' : `登录失败（${res.status}）`), field };
}

export async function signOut(): Promise<void> {
  const res = await fetch('/auth/session', { method: 'DELETE', credentials: 'same-origin' }).catch(() => null);
  await res?.text().catch(() => undefined);
}

/** Who is signed in (the hub answers `{ user: null }` without a session), or null. */
export async function sessionUser(): Promise<SessionUser | null> {
  const res = await fetch('/auth/session', { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(() => null);
  if (!res?.ok) return null;
  const body = (await res.json().catch(() => null)) as { user?: SessionUser } | null;
  return body?.user ?? null;
}

// The import's answers, as the hub defines them (one definition for the hub and the console).
import type { ImportRefusal, ImportReport } from '../../src/modules/exchange/import-report';
export type { ImportError, ImportReport } from '../../src/modules/exchange/import-report';

/**
 * Uploads a filled catalogue template into a project (`POST /catalogue/import`), with the session
 * cookie and the CSRF header; a dry run writes nothing. Answers the hub's report (also when rows
 * were refused, 422), or throws ApiError when the upload itself was refused.
 */
export async function importCatalogue(project: string, file: File, dryRun: boolean): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const query = new URLSearchParams({ project, ...(dryRun ? { dryRun: '1' } : {}) });
  let res: Response;
  try {
    res = await fetch(`/catalogue/import?${query}`, { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-protection': '1' }, body: form });
  } catch {
    throw new ApiError('无法连接到平台服务，请检查网络后重试', 'NETWORK');
  }
  const body = (await res.json().catch(() => null)) as (ImportReport & Partial<ImportRefusal>) | null;
  if (body && !body.error && (res.ok || res.status === 422)) return body;
  if (res.status === 401) onUnauthenticated();
  throw new ApiError(body?.error?.message ?? `平台服务返回 ${res.status}`, body?.error?.code ?? 'HTTP');
}
