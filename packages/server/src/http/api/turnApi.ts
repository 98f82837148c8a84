import type { HandlerGroup } from './apiDeps.js';
import { turnCredentials, type TurnSettings } from '../../turn/turnCredentials.js';

/** `GET /api/turn-credentials`: fresh credentials for the signed-in account, or "none" without a TURN relay. */
export function turnApi(settings: TurnSettings | undefined): HandlerGroup<'turn.credentials'> {
  return {
    'turn.credentials': async ({ identity, res }) => {
      // TURN_URLS and TURN_SECRET are unset: a normal configuration, not a missing resource.
      if (!settings) return { relay: 'none' as const };
      // Credentials are per account and expire: no proxy or browser cache may keep them.
      res.set('Cache-Control', 'no-store');
      return turnCredentials(settings, identity.userId);
    },
  };
}
