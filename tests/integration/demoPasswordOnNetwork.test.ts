import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, DEMO_PASSWORD, login } from '../support/auth.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/** The socket.io handshake's answer: undefined when connected, else the server's refusal. */
function handshake(url: string, cookie: string): Promise<string | undefined> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
  return new Promise((resolve) => {
    socket.once('connect', () => {
      socket.close();
      resolve(undefined);
    });
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
}

/**
 * A node listening on the network, told to seed the demo anyway (SEED_DEMO=true): the demo
 * accounts' password is published, so each may only change it before doing anything else.
 */
describe('demo accounts on a node reachable from the network (real PostgreSQL)', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform({ HOST: '0.0.0.0', TLS_LOCAL_CA: 'false', SEED_DEMO: 'true' });
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('signs a demo account in but lets it do nothing except change its password', async () => {
    const signIn = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'vanphong', password: DEMO_PASSWORD });
    expect(signIn).toMatchObject({ status: 200, body: { identity: { username: 'vanphong' }, passwordChangeRequired: true } });
    const cookie = await login(platform.url, 'vanphong');

    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).body).toMatchObject({ passwordChangeRequired: true });
    for (const [method, path] of [['GET', '/api/sites'], ['GET', '/api/meetings'], ['GET', '/api/users'], ['GET', '/api/turn-credentials']]) {
      const refused = await callApi(platform.url, cookie, method!, path!);
      expect(refused, path).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
      expect(refused.body.message).toMatch(/change it first/);
    }
    // A refused write stores nothing.
    const groups = await platform.db.prisma.siteGroup.count();
    const create = await callApi(platform.url, cookie, 'POST', '/api/site-groups', { code: 'THU-NGHIEM', name: 'Nhóm thử', siteIds: [] });
    expect(create).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(await platform.db.prisma.siteGroup.count()).toBe(groups);
    expect(await handshake(platform.url, cookie)).toBe('PASSWORD_CHANGE_REQUIRED');

    // The demo password again is no change.
    const same = await callApi(platform.url, cookie, 'POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(same.status).toBe(400);

    const changed = await callApi(platform.url, cookie, 'POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'VanPhong2027' });
    expect(changed.status).toBe(200);
    expect((await callApi(platform.url, cookie, 'GET', '/api/auth/me')).body).toMatchObject({ passwordChangeRequired: false });
    expect((await callApi(platform.url, cookie, 'GET', '/api/sites')).status).toBe(200);
    expect(await handshake(platform.url, cookie)).toBeUndefined();
    expect(await platform.db.prisma.user.findUniqueOrThrow({ where: { username: 'vanphong' } })).toMatchObject({ passwordPublished: false });
  });

  it('holds every other demo account to the same until it changes its own, or the administrator sets one', async () => {
    const kiosk = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: '15991', password: DEMO_PASSWORD });
    expect(kiosk).toMatchObject({ status: 200, body: { passwordChangeRequired: true } });

    const admin = await login(platform.url, 'admin');
    expect((await callApi(platform.url, admin, 'GET', '/api/users')).status).toBe(403);
    expect((await callApi(platform.url, admin, 'POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'QuanTri2027' })).status).toBe(200);
    const users = (await callApi(platform.url, admin, 'GET', '/api/users')).body.users as Array<{ id: string; username: string; passwordPublished: boolean }>;
    const chair = users.find((user) => user.username === 'chutich')!;
    expect(chair.passwordPublished).toBe(true);
    expect((await callApi(platform.url, admin, 'PATCH', `/api/users/${chair.id}`, { password: 'ChuTich2027' })).status).toBe(200);
    const chairSignIn = await callApi(platform.url, undefined, 'POST', '/api/auth/login', { username: 'chutich', password: 'ChuTich2027' });
    expect(chairSignIn).toMatchObject({ status: 200, body: { passwordChangeRequired: false } });
  });
});
