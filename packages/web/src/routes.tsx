import type { ReactNode } from 'react';
import { CheckPage } from './features/check/CheckPage';
import { HomePage } from './features/home/HomePage';

export interface RouteContext {
  params: Record<string, string>;
  navigate: (path: string) => void;
}

/**
 * Every screen of the app, by path. A feature adds its screens here; `:name` segments become
 * params. The first match wins; the last entry is the fallback.
 */
export const routes: Array<{ path: string; render: (ctx: RouteContext) => ReactNode }> = [
  { path: '/check', render: () => <CheckPage /> },
  { path: '/', render: ({ navigate }) => <HomePage navigate={navigate} /> },
];

export function matchRoute(pathname: string): { render: (ctx: RouteContext) => ReactNode; params: Record<string, string> } {
  for (const route of routes) {
    const params = matchPath(route.path, pathname);
    if (params) return { render: route.render, params };
  }
  const fallback = routes[routes.length - 1]!;
  return { render: fallback.render, params: {} };
}

function matchPath(pattern: string, pathname: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = have[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return undefined;
  }
  return params;
}
