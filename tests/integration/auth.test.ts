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
    platform = await startTestPlatform({ LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '5', LOGIN_ADDRESS_MAX_FAILURES: '12', TRUST_PROXY: 'loopback' });
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
    // On loopback (a trial on this machine) the published demo password is no obstacle.
    expect(await response.json()).toMatchObject({ identity: { username: 'vanphong', role: 'SECRETARIAT', siteId: null }, passwordChangeRequired: false });
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

  /** A sign-in as if from `address` (the platform trusts the loopback proxy's X-Forwarded-For). */
  const signIn = async (username: string, password: string, address: string) => {
    const response = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ username, password }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { code?: string } };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('slows and then shuts out only the guessing address, the same for a real and an unknown account', async () => {
    const guess = async (username: string, address: string) => {
      const answers = [];
      for (const wait of [0, 0, 0, 1100, 2100]) {
        await pause(wait);
        answers.push(await signIn(username, 'wrong', address));
        // Straight after a failure past the free ones, the next attempt must wait.
        if (wait > 0) answers.push(await signIn(username, 'wrong', address));
      }
      return answers;
    };
    const [real, unknown] = await Promise.all([guess('theodoi', '203.0.113.10'), guess('khong-co-ai', '203.0.113.11')]);
    expect(real.map((a) => a.status)).toEqual([401, 401, 401, 401, 429, 401, 429]);
    expect(real.map((a) => a.body.code)).toEqual(unknown.map((a) => a.body.code));
    expect(real.slice(0, 6)).toEqual(unknown.slice(0, 6));
    expect(real[4]).toMatchObject({ retryAfter: '2', body: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 2 } });

    // Five failures: this address is shut out of this account, even with the right password…
    const shutOut = await signIn('theodoi', 'Demo@2026', '203.0.113.10');
    expect(shutOut).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
    expect(Number(shutOut.retryAfter)).toBeGreaterThan(290);
    // …while the account's owner, elsewhere, signs in as ever: guessing locks nobody else out.
    expect((await signIn('theodoi', 'Demo@2026', '198.51.100.20')).status).toBe(200);
    expect((await signIn('chutich', 'Demo@2026', '203.0.113.10')).status).toBe(200);
  });

  it('shuts out an address that fails on many accounts, and refuses a flood of concurrent attempts at once', async () => {
    for (let n = 0; n < 12; n++) expect((await signIn(`tai-khoan-${n}`, 'wrong', '203.0.113.30')).status).toBe(401);
    expect(await signIn('vanhanh', 'Demo@2026', '203.0.113.30')).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });

    const flood = await Promise.all(Array.from({ length: 300 }, (_, n) => signIn(`so-${n}`, 'wrong', '203.0.113.40')));
    expect(flood.filter((a) => a.status === 429).length).toBeGreaterThan(280);
    expect((await signIn('so-yte', 'Demo@2026', '198.51.100.21')).status).toBe(200);
  });

  it('throttles guessing the current password of a signed-in account', async () => {
    const cookie = await login(platform.url, 'vanphong');
    const change = () => callApi(platform.url, cookie, 'POST', '/api/auth/password', { currentPassword: 'doan-mo', newPassword: 'VanPhong2027' });
    expect((await change()).status).toBe(400);
    expect((await change()).status).toBe(400);
    expect((await change()).status).toBe(400);
    expect(await change()).toMatchObject({ status: 429, body: { code: 'TOO_MANY_REQUESTS' } });
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
    // Refused as a wrong password is: the answer does not tell that the password was right.
    expect(await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'thuky.hoanghoa', password: 'ThuKy2027' })).toMatchObject({
      status: 401,
      body: { code: 'UNAUTHENTICATED', message: 'wrong username or password' },
    });
  });

  it('refuses a socket.io connection without a valid session, and accepts one with it', async () => {
    await expect(connect(platform.url)).rejects.toThrow('UNAUTHENTICATED');
    await expect(connect(platform.url, 'pm_session=forged')).rejects.toThrow('UNAUTHENTICATED');
    const socket = await connect(platform.url, await login(platform.url, 'so-yte'));
    expect(socket.connected).toBe(true);
    socket.close();
  });
});
