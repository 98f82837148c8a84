import { createHmac } from 'node:crypto';
import { turnCredentialsSchema } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

const SECRET = 'static-auth-secret-of-turnserver.conf';
const URLS = ['turn:turn.example.vn:3478', 'turns:turn.example.vn:443?transport=tcp'];

describe('GET /api/turn-credentials', () => {
  let withTurn: TestPlatform;
  let withoutTurn: TestPlatform;

  beforeAll(async () => {
    [withTurn, withoutTurn] = await Promise.all([
      startTestPlatform({ TURN_URLS: URLS.join(','), TURN_SECRET: SECRET, TURN_TTL_SECONDS: '7200' }),
      startTestPlatform(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([withTurn?.stop(), withoutTurn?.stop()]);
  });

  it('gives a signed-in meeting room credentials coturn accepts, for its own account, not to be cached', async () => {
    const cookie = await login(withTurn.url, '15991');
    const me = await callApi(withTurn.url, cookie, 'GET', '/api/auth/me');
    const response = await fetch(`${withTurn.url}/api/turn-credentials`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const issued = turnCredentialsSchema.parse(await response.json());

    expect(issued.urls).toEqual(URLS);
    expect(issued.ttlSeconds).toBe(7200);
    const [expiry, userId] = issued.username.split(':');
    expect(userId).toBe(me.body.identity.userId);
    expect(Number(expiry) - Date.now() / 1000).toBeGreaterThan(7200 - 60);
    expect(Number(expiry) - Date.now() / 1000).toBeLessThanOrEqual(7200);
    // What coturn computes with use-auth-secret / static-auth-secret.
    expect(issued.credential).toBe(createHmac('sha1', SECRET).update(issued.username).digest('base64'));
  });

  it('answers 401 without a session', async () => {
    expect(await callApi(withTurn.url, undefined, 'GET', '/api/turn-credentials')).toMatchObject({ status: 401 });
  });

  it('answers "none", not a 404 the browser logs on every meeting page, when the server has no TURN relay', async () => {
    const cookie = await login(withoutTurn.url, '15991');
    expect(await callApi(withoutTurn.url, cookie, 'GET', '/api/turn-credentials')).toEqual({ status: 200, body: { relay: 'none' } });
  });
});
