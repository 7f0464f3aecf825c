/** A small history router for /console/…: the page is the path, the filters are the query string. */
import { createContext, MouseEvent, ReactNode, useContext, useEffect, useState } from 'react';

import { BASE } from './early';

export { BASE };
const Ctx = createContext<{ path: string; search: URLSearchParams; go: (to: string) => void; replace: (to: string) => void }>({
  path: '/',
  search: new URLSearchParams(),
  go: () => undefined,
  replace: () => undefined,
});

const here = () => ({ path: location.pathname.slice(BASE.length) || '/', search: new URLSearchParams(location.search) });

export function Router({ children }: { children: ReactNode }) {
  const [at, setAt] = useState(here);
  useEffect(() => {
    const pop = () => setAt(here());
    addEventListener('popstate', pop);
    return () => removeEventListener('popstate', pop);
  }, []);
  const go = (to: string) => {
    history.pushState(null, '', `${BASE}${to}`);
    setAt(here());
    scrollTo(0, 0);
  };
  /** The same page with another query string (a search typed, a page turned): no new history entry. */
  const replace = (to: string) => {
    if (`${BASE}${to}` === `${location.pathname}${location.search}`) return;
    history.replaceState(null, '', `${BASE}${to}`);
    setAt(here());
  };
  return <Ctx.Provider value={{ ...at, go, replace }}>{children}</Ctx.Provider>;
}

export const useRoute = () => useContext(Ctx);

/** `/projects/:code` against `/projects/SC-1` → { code: 'SC-1' }. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const a = path.split('/');
  if (p.length !== a.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) out[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return null;
  }
  return out;
}

/** An <a> that navigates inside the console (a real link: opens in a new tab, reachable by keyboard). */
export function Link({ to, children, ...rest }: { to: string; children: ReactNode; 'aria-label'?: string }) {
  const { go } = useRoute();
  const click = (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    go(to);
  };
  return (
    <a href={`${BASE}${to}`} onClick={click} {...rest}>
      {children}
    </a>
  );
}
