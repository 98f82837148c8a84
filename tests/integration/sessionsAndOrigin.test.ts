import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/**
 * Issue 15's low findings at the edges: sessions have an absolute lifetime and their sockets close
 * when they end; state-changing requests and socket handshakes come only from the platform's own
 * pages; a NUL character is a malformed request, not a database failure.
 */
describe('sessions, origins and malformed ids', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ SESSION_MAX_HOURS: '24' });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('ends a session at its absolute lifetime however much it is used, and closes its socket then', async () => {
    const cookie = await login(platform.url, 'so-yte');
    const user = await platform.db.prisma.user.findUniqueOrThrow({ where: { username: 'so-yte' } });
    // Signed in almost 24 hours ago: the sliding expiry may not carry it past the 24th hour.
    await platform.db.prisma.session.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000 + 3000) } });
    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).status).toBe(200);
    const [session] = await platform.db.prisma.session.findMany({ where: { userId: user.id } });
    expect(session!.expiresAt.getTime()).toBeLessThanOrEqual(session!.createdAt.getTime() + 24 * 3_600_000);

    const socket = io(platform.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const reason = await new Promise<string>((resolve) => socket.once('disconnect', resolve));
      expect(reason).toBe('io server disconnect');
    } finally {
      socket.close();
    }
    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('refuses writes and socket handshakes from another site’s page', async () => {
    const cookie = await login(platform.url, 'vanphong');
    const forged = await fetch(`${platform.url}/api/meetings/overlaps`, {
      method: 'POST',
      headers: { cookie, origin: 'https://lua-dao.example', 'content-type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(forged.status).toBe(403);
    const own = await fetch(`${platform.url}/api/auth/logout`, { method: 'POST', headers: { cookie: await login(platform.url, 'vanphong'), origin: platform.url } });
    expect(own.status).toBe(200);

    const socket = io(platform.url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie, origin: 'https://lua-dao.example' } });
    try {
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      expect(outcome).toBe('refused');
    } finally {
      socket.close();
    }
  });

  it('answers a NUL character in an id or a search with 400, not a database failure', async () => {
    const cookie = await login(platform.url, 'vanphong');
    for (const path of ['/api/meetings/abc%00def', '/api/search?q=h%00a', '/api/users?search=%00']) {
      const answer = await callApi(platform.url, cookie, 'GET', path);
      expect({ path, status: answer.status, code: (answer.body as { code?: string }).code }).toEqual({ path, status: 400, code: 'BAD_REQUEST' });
    }
  });
});
