import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connect(url: string, cookie?: string): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {} });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

describe('accounts and sessions (real PostgreSQL)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '5' });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('signs in with an httpOnly SameSite=Lax cookie and stores only the token’s hash', async () => {
    const response = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'vanphong', password: 'Demo@2026' }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).identity).toMatchObject({ username: 'vanphong', role: 'SECRETARIAT', siteId: null });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('pm_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = decodeURIComponent(cookie.split(';')[0]!.slice('pm_session='.length));
    const rows = await platform.db.prisma.session.findMany();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.tokenHash === token)).toBe(false);
  });

  it('answers /me with the identity, and 401 without a session', async () => {
    const cookie = await login(platform.url, '15991');
    const me = await callApi(platform.url, cookie, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.identity).toMatchObject({ role: 'SITE', username: '15991' });
    expect(me.body.identity.siteId).toEqual(expect.any(String));
    const anonymous = await callApi(platform.url, undefined, 'GET', '/api/auth/me');
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses wrong credentials with 401 and the same message for unknown users', async () => {
    const wrong = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'chutich', password: 'nope' });
    const unknown = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'nobody', password: 'nope' });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(unknown.body).toEqual(wrong.body);
    const malformed = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 42 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.issues.length).toBeGreaterThan(0);
  });

  it('locks an account after repeated failures, even against the right password, and the admin’s reset lifts it', async () => {
    const attempt = (password: string) => callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'theodoi', password });
    expect((await attempt('wrong-1')).status).toBe(401);
    expect((await attempt('wrong-2')).status).toBe(401);
    expect(await attempt('wrong-3')).toMatchObject({ status: 423, body: { code: 'LOCKED' } });
    expect(await attempt('Demo@2026')).toMatchObject({ status: 423, body: { code: 'LOCKED' } });

    const admin = await login(platform.url, 'admin');
    const user = (await callApi(platform.url, admin, 'GET', '/api/users?search=theodoi')).body.users[0];
    expect(user.lockedUntil).not.toBeNull();
    expect((await callApi(platform.url, admin, 'PATCH', `/api/users/${user.id}`, { password: 'Moi@2027x' })).status).toBe(200);
    expect((await attempt('Moi@2027x')).status).toBe(200);
  });

  it('changes one’s own password, which ends the account’s other sessions', async () => {
    const first = await login(platform.url, 'vanhanh');
    const second = await login(platform.url, 'vanhanh');
    const weak = await callApi(platform.url, first, 'POST', '/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'short' });
    expect(weak.status).toBe(400);
    const wrongCurrent = await callApi(platform.url, first, 'POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'VanHanh2027' });
    expect(wrongCurrent.status).toBe(400);
    expect((await callApi(platform.url, first, 'POST', '/api/auth/password', { currentPassword: 'Demo@2026', newPassword: 'VanHanh2027' })).status).toBe(200);
    expect((await callApi(platform.url, first, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await callApi(platform.url, second, 'GET', '/api/auth/me')).status).toBe(401);
    await expect(login(platform.url, 'vanhanh')).rejects.toThrow(/401/);
    await login(platform.url, 'vanhanh', 'VanHanh2027');
  });

  it('ends the session on logout', async () => {
    const cookie = await login(platform.url, 'chutich');
    expect((await callApi(platform.url, cookie, 'POST', '/api/auth/logout')).status).toBe(200);
    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('lets the admin create and disable an account; a disabled account cannot sign in and its sockets are cut', async () => {
    const admin = await login(platform.url, 'admin');
    const created = await callApi(platform.url, admin, 'POST', '/api/users', {
      username: 'thuky.hoanghoa',
      displayName: 'Thư ký xã Hoằng Hóa',
      role: 'SECRETARIAT',
      password: 'ThuKy2027',
    });
    expect(created.status).toBe(201);
    const duplicate = await callApi(platform.url, admin, 'POST', '/api/users', {
      username: 'thuky.hoanghoa',
      displayName: 'Người khác',
      role: 'VIEWER',
      password: 'Khac2027x',
    });
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });

    const cookie = await login(platform.url, 'thuky.hoanghoa', 'ThuKy2027');
    const socket = await connect(platform.url, cookie);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    expect((await callApi(platform.url, admin, 'PATCH', `/api/users/${created.body.user.id}`, { disabled: true })).status).toBe(200);
    await disconnected;
    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'thuky.hoanghoa', password: 'ThuKy2027' })).status).toBe(403);
  });

  it('refuses a socket.io connection without a valid session, and accepts one with it', async () => {
    await expect(connect(platform.url)).rejects.toThrow('UNAUTHENTICATED');
    await expect(connect(platform.url, 'pm_session=forged')).rejects.toThrow('UNAUTHENTICATED');
    const socket = await connect(platform.url, await login(platform.url, 'so-yte'));
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
