import { createHmac } from 'node:crypto';
import type { TurnCredentials } from '@pm/shared';

/** The TURN relay this node hands out credentials for (config.ts: TURN_URLS, TURN_SECRET, TURN_TTL_SECONDS). */
export interface TurnSettings {
  urls: string[];
  secret: string;
  ttlSeconds: number;
}

/**
 * Credentials in coturn's REST API scheme (`use-auth-secret`): the username is the expiry time in
 * Unix seconds and the user id joined by coturn's default separator `:`, the password is the
 * base64 HMAC-SHA1 of the username keyed with the shared secret. coturn recomputes the password
 * from the username, so nothing is stored, any node issues them, and they expire by themselves.
 */
export function turnCredentials(settings: TurnSettings, userId: string, nowMs = Date.now()): TurnCredentials {
  const expiry = Math.floor(nowMs / 1000) + settings.ttlSeconds;
  const username = `${expiry}:${userId}`;
  const credential = createHmac('sha1', settings.secret).update(username).digest('base64');
  return { urls: settings.urls, username, credential, ttlSeconds: settings.ttlSeconds };
}
