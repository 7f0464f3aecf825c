/**
 * What the first page needs, asked for before the shell's JavaScript (React, Ant Design) is even
 * evaluated: who is signed in, then the viewer and the opened page's own query, in parallel. The
 * shell and the page take these answers (once) instead of asking again in sequence.
 */
import { gql, sessionUser } from './api';
import type { Viewer } from './session';

export const BASE = '/console';

/** The catalogue's variables from its address (`?q=…&status=…`): the page asks with these on first render. */
export function catalogueStart(params: URLSearchParams): { search: string; filter: Record<string, string>; turned: string[] } {
  const filter = Object.fromEntries(CATALOGUE_FILTERS.flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  return { search: params.get('q') ?? '', filter, turned: (params.get('at') ?? '').split('.').filter(Boolean) };
}

/** The catalogue's filters, each kept in the URL by its own name (the search as `q`, the pages turned as `at`). */
export const CATALOGUE_FILTERS = ['catalogueKind', 'sharingType', 'openType', 'updateFrequency', 'providerId', 'status'] as const;

/** The catalogue's query string for a search, its filters and the pages turned (cursors are base64url: no '.'). */
export function catalogueQuery(search: string, filter: Record<string, string | undefined>, turned: string[]): string {
  const q = new URLSearchParams();
  if (search) q.set('q', search);
  for (const k of CATALOGUE_FILTERS) if (filter[k]) q.set(k, filter[k]!);
  if (turned.length) q.set('at', turned.join('.'));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The variables the catalogue's table asks with (useConnection adds the page). */
export const catalogueVariables = (filter: Record<string, string | undefined>, search: string) => ({ filter: { ...filter, search: search || undefined } });

/** The first query of the pages people open first, by path: [operation, variables as useQuery sends them]. */
function firstQuery(path: string, params: URLSearchParams): [string, Record<string, unknown>] | null {
  if (path === '/dashboard') return ['Dashboard', {}];
  if (path === '/catalogue') {
    const { search, filter, turned } = catalogueStart(params);
    return ['Resources', { ...catalogueVariables(filter, search), first: 20, after: turned[turned.length - 1] ?? null }];
  }
  return null;
}

const early = new Map<string, Promise<unknown>>();
/** Settles when the first page's own data has come (or was not asked for): later requests (the to-do count) wait for it. */
export let firstData: Promise<unknown> = Promise.resolve();

const keep = <T>(key: string, p: Promise<T>): Promise<T> => {
  p.catch(() => undefined); // not taken yet is not unhandled: the taker sees the failure
  early.set(key, p);
  return p;
};

/** Starts the first requests; called once, first thing. */
export function start(): void {
  const path = location.pathname.slice(BASE.length) || '/';
  const session = keep('session', sessionUser());
  keep(
    'Viewer',
    session.then((user) => (user ? gql<{ viewer: Viewer }>('Viewer') : null)),
  );
  const first = firstQuery(path, new URLSearchParams(location.search));
  if (first) {
    const [operation, variables] = first;
    firstData = keep(
      `${operation} ${JSON.stringify(variables)}`,
      session.then((user) => (user ? gql(operation, variables) : null)),
    ).catch(() => undefined);
  }
}

/** The answer started early under `key` (once: a later ask goes to the hub), or undefined. */
export function take<T>(key: string): Promise<T> | undefined {
  const p = early.get(key) as Promise<T> | undefined;
  early.delete(key);
  return p;
}
