import type { Identity } from '@pm/shared';

/** What a screen is given when its route matches. */
export interface RouteContext {
  params: Record<string, string>;
  navigate: (path: string) => void;
  /** Routes render only for a signed-in account. */
  identity: Identity;
}
