import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requests, roles, type ClientToServerEvents, type Role, type ServerToClientEvents } from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { registeredRoutes } from '../support/routes.ts';
import { idsByCode } from '../support/directory.ts';

/*
 * The role × route matrix: who may call what, written out here by hand as the specification, and
 * checked against the running server for every registered HTTP route and every socket request.
 * A route or request without a line here fails the test, and so does a line without a route.
 */

const ALL = roles;
const STAFF: Role[] = ['ADMIN', 'SECRETARIAT', 'CHAIR', 'OPERATOR', 'VIEWER'];
const MANAGERS: Role[] = ['ADMIN', 'SECRETARIAT'];
/** Reports after the fact: every staff account, never a meeting room. */
const READERS: Role[] = STAFF;
const PUBLIC = 'public' as const;

const httpSpec: Record<string, readonly Role[] | typeof PUBLIC> = {
  'GET /healthz': PUBLIC,
  // Prometheus has no account: firewalled, or METRICS_TOKEN (tests/integration/metrics.test.ts).
  'GET /metrics': PUBLIC,
  'GET /api/openapi.json': PUBLIC,
  'GET /api/docs': PUBLIC,
  'GET /api/docs/start.js': PUBLIC,
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/logout': ALL,
  'GET /api/auth/me': ALL,
  'POST /api/auth/password': ALL,
  'GET /api/users': MANAGERS,
  'POST /api/users': ['ADMIN'],
  'PATCH /api/users/:id': ['ADMIN'],
  'GET /api/units': STAFF,
  'POST /api/units': MANAGERS,
  'PATCH /api/units/:id': MANAGERS,
  'GET /api/sites': STAFF,
  'GET /api/sites/:id': STAFF,
  'POST /api/sites': MANAGERS,
  'PATCH /api/sites/:id': MANAGERS,
  'POST /api/sites/import': MANAGERS,
  'POST /api/sites/:id/move': MANAGERS,
  'POST /api/units/merge': MANAGERS,
  'GET /api/units/:id/history': STAFF,
  'POST /api/units/:id/rename': MANAGERS,
  'POST /api/units/:id/retire': MANAGERS,
  'POST /api/units/import': MANAGERS,
  'GET /api/site-groups': STAFF,
  'POST /api/site-groups': MANAGERS,
  'PATCH /api/site-groups/:id': MANAGERS,
  'DELETE /api/site-groups/:id': MANAGERS,
  'GET /api/meetings': ALL,
  'POST /api/meetings': MANAGERS,
  'GET /api/meetings/:id': ALL,
  'PATCH /api/meetings/:id': MANAGERS,
  'POST /api/meetings/:id/cancel': MANAGERS,
  'POST /api/meetings/overlaps': MANAGERS,
  'GET /api/meetings/:id/invitation.ics': ALL,
  'GET /api/meetings/:id/readiness': ['ADMIN', 'SECRETARIAT', 'CHAIR', 'OPERATOR'],
  'POST /api/checks': ['SITE'],
  'GET /api/attendance': READERS,
  'GET /api/attendance.csv': READERS,
  'GET /api/meetings/:id/attendance': READERS,
  'GET /api/meetings/:id/attendance.csv': READERS,
  'GET /api/meetings/:id/attendance.xlsx': READERS,
  'GET /api/meetings/:id/attendance.pdf': READERS,
  'GET /api/meetings/:id/minutes': READERS,
  'GET /api/meetings/:id/minutes/live': READERS,
  'PATCH /api/meetings/:id/minutes': MANAGERS,
  'PATCH /api/meetings/:id/minutes/agenda-item': MANAGERS,
  'POST /api/meetings/:id/minutes/entries': MANAGERS,
  'PATCH /api/minutes/entries/:id': MANAGERS,
  'DELETE /api/minutes/entries/:id': MANAGERS,
  'GET /api/meetings/:id/minutes.docx': READERS,
  'GET /api/meetings/:id/minutes.pdf': READERS,
  'GET /api/meetings/:id/conclusions.docx': READERS,
  'GET /api/meetings/:id/conclusions.pdf': READERS,
  'GET /api/directives': ALL,
  'GET /api/directives/stats': ALL,
  'POST /api/meetings/:id/directives': ['ADMIN', 'SECRETARIAT', 'CHAIR'],
  'GET /api/directives/:id': ALL,
  'PATCH /api/directives/:id': ['ADMIN', 'SECRETARIAT', 'CHAIR'],
  'POST /api/directives/:id/reports': ['SECRETARIAT', 'SITE'],
  'POST /api/directives/:id/reports/:reportId/attachments': ['SECRETARIAT', 'SITE'],
  'GET /api/attachments/:id': ALL,
  'GET /api/search': READERS,
  'GET /api/meetings/:id/recording/status': ALL,
  'GET /api/meetings/:id/recording': READERS,
  'GET /api/meetings/:id/recording.webm': READERS,
  'GET /api/turn-credentials': ALL,
  'POST /api/admin/drain': ['ADMIN'],
  'GET /api/audit': ['ADMIN'],
  'GET /api/audit.csv': ['ADMIN'],
};
/** The web app's catch-all (everything outside /api, /socket.io, /healthz) is public: it is the sign-in page. */
const WEB_APP_ROUTE = /^GET \/\^\(\?!/;

const LIVE: Role[] = ['ADMIN', 'CHAIR', 'OPERATOR', 'SITE'];
const FLOOR_CONTROL: Role[] = ['ADMIN', 'CHAIR', 'OPERATOR'];
const socketSpec: Record<string, readonly Role[]> = {
  'media:createTransport': LIVE,
  'media:connectTransport': LIVE,
  'media:restartIce': LIVE,
  'media:produce': LIVE,
  'media:closeProducer': LIVE,
  'media:resumeConsumer': LIVE,
  'check:start': LIVE,
  'check:loopback': LIVE,
  'meeting:join': LIVE,
  'meeting:ready': LIVE,
  'meeting:leave': LIVE,
  'meeting:end': FLOOR_CONTROL,
  'message:send': LIVE,
  'floor:request': ['SITE'],
  'floor:cancel': ['SITE'],
  'floor:grant': FLOOR_CONTROL,
  'floor:front': FLOOR_CONTROL,
  'floor:revoke': FLOOR_CONTROL,
  'floor:next': FLOOR_CONTROL,
  'floor:muteAll': FLOOR_CONTROL,
  'floor:mute': FLOOR_CONTROL,
  'meeting:callBack': FLOOR_CONTROL,
  'floor:spotlight': FLOOR_CONTROL,
  'meeting:agendaItem': FLOOR_CONTROL,
  'floor:invitePresenter': FLOOR_CONTROL,
  'wall:watch': FLOOR_CONTROL,
  'rollcall:start': FLOOR_CONTROL,
  'rollcall:confirm': ['SITE'],
  'attendance:headcount': LIVE,
  'quality:report': ['SITE'],
  'recording:start': FLOOR_CONTROL,
  'recording:pause': FLOOR_CONTROL,
  'recording:stop': FLOOR_CONTROL,
};

const accountOf: Record<Role, string> = {
  ADMIN: 'admin',
  SECRETARIAT: 'vanphong',
  CHAIR: 'chutich',
  OPERATOR: 'vanhanh',
  SITE: 'so-yte',
  VIEWER: 'theodoi',
};

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('role × route matrix', () => {
  let platform: TestPlatform;
  let webDist: string;
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    // A built web app of its own, so its catch-all route is registered whatever the checkout holds.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-web-'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>test</title>');
    platform = await startTestPlatform({ PM_WEB_DIST: webDist });
    for (const role of roles) cookies[role] = await login(platform.url, accountOf[role]);
  });
  afterAll(async () => {
    await platform?.stop();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it('has a line for every registered route, and a route for every line', () => {
    const routes = registeredRoutes(platform.app).filter((route) => !WEB_APP_ROUTE.test(route));
    expect(registeredRoutes(platform.app).some((route) => WEB_APP_ROUTE.test(route))).toBe(true);
    expect([...routes].sort()).toEqual(Object.keys(httpSpec).sort());
  });

  const call = (route: string, cookie: string | undefined) => {
    const [method, template] = route.split(' ') as [string, string];
    const url = template.replace(/:(\w+)/g, 'no-such-id');
    return callApi(platform.url, cookie, method, url, method === 'GET' ? undefined : {});
  };

  it('answers 401 to every non-public route without a session, and never 401/403 to public ones', async () => {
    for (const [route, allowed] of Object.entries(httpSpec)) {
      const { status } = await call(route, undefined);
      if (allowed === PUBLIC) expect([401, 403], route).not.toContain(status);
      else expect(status, route).toBe(401);
    }
  });

  for (const role of roles) {
    it(`allows and denies every route for ${role}`, async () => {
      for (const [route, allowed] of Object.entries(httpSpec)) {
        // Logging out would end the session the other calls use: it gets a session of its own.
        const cookie = route === 'POST /api/auth/logout' ? await login(platform.url, accountOf[role]) : cookies[role];
        const answer = await call(route, cookie);
        const { status } = answer;
        const body = answer.body as { code?: string };
        if (allowed === PUBLIC || allowed.includes(role)) expect([401, 403], `${role} ${route}: ${JSON.stringify(body)}`).not.toContain(status);
        else expect({ route, status, code: body.code }).toEqual({ route, status: 403, code: 'FORBIDDEN' });
      }
    });
  }

  it('has a line for every socket request, and a request for every line', () => {
    expect(Object.keys(requests).sort()).toEqual(Object.keys(socketSpec).sort());
  });

  /**
   * Every socket request with a payload that passes validation, sent from inside a meeting the
   * account belongs to (a room invited, the meeting's own chair), so an allowed request reaches its
   * meeting-role checks and a refusal is the access rule's, not a malformed payload's. Ordered so
   * that nothing leaves the meeting before the meeting's requests are made.
   */
  function socketPayloads(ids: { meetingId: string; siteId: string; transportId: string }): Array<[string, unknown]> {
    const vp8 = { mimeType: 'video/VP8', payloadType: 96, clockRate: 90000 };
    return [
      ['meeting:ready', { rtpCapabilities: { codecs: [], headerExtensions: [] } }],
      ['media:createTransport', { direction: 'send' }],
      ['media:connectTransport', { transportId: ids.transportId, dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'AB:CD' }] } }],
      ['media:restartIce', { transportId: ids.transportId }],
      ['media:produce', { transportId: ids.transportId, kind: 'video', source: 'camera', rtpParameters: { codecs: [vp8], encodings: [{ ssrc: 1111 }] } }],
      ['media:closeProducer', { producerId: 'no-such-producer' }],
      ['media:resumeConsumer', { consumerId: 'no-such-consumer' }],
      ['floor:request', {}],
      ['floor:cancel', {}],
      ['floor:grant', { siteId: ids.siteId }],
      ['floor:front', { siteId: ids.siteId }],
      ['floor:next', {}],
      ['floor:revoke', {}],
      ['floor:spotlight', { siteId: null }],
      ['floor:invitePresenter', { siteId: null }],
      ['floor:mute', { siteId: ids.siteId }],
      ['floor:muteAll', {}],
      ['meeting:callBack', { siteId: ids.siteId, text: 'Mời vào lại' }],
      ['meeting:agendaItem', { position: null }],
      ['wall:watch', { siteIds: [ids.siteId] }],
      ['rollcall:start', { durationSeconds: 15 }],
      ['rollcall:confirm', { rollCallId: 'no-such-roll-call' }],
      ['attendance:headcount', { headcount: 3, siteId: ids.siteId }],
      ['quality:report', { rttMs: 20, inboundLossPct: 0, jitterMs: 3, framesPerSecond: 25 }],
      ['recording:start', { meetingId: ids.meetingId }],
      ['recording:pause', { meetingId: ids.meetingId }],
      ['recording:stop', { meetingId: ids.meetingId }],
      ['message:send', { to: { kind: 'staff' }, text: 'Cần hỗ trợ kỹ thuật' }],
      ['meeting:end', {}],
      ['meeting:leave', {}],
      ['check:start', {}],
      ['check:loopback', { producerId: 'no-such-producer', rtpCapabilities: { codecs: [] } }],
      ['meeting:join', { meetingId: ids.meetingId }],
    ];
  }

  for (const role of roles) {
    it(`allows and denies every socket request for ${role}, from inside a meeting`, async () => {
      const { meetingId, siteIds } = await createMeeting(platform.db.prisma, { title: `Ma trận quyền ${role}`, siteCodes: ['SO-YTE'] });
      const socket: ClientSocket = io(platform.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: cookies[role] } });
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const emit = socket.timeout(5000) as unknown as {
        emitWithAck(e: string, p: unknown): Promise<{ ok: boolean; data?: { id?: string }; error?: { code: string; message: string } }>;
      };
      try {
        const joined = await emit.emitWithAck('meeting:join', { meetingId });
        expect(joined.ok, `${role} joins the meeting it belongs to`).toBe(LIVE.includes(role));
        const transport = joined.ok ? await emit.emitWithAck('media:createTransport', { direction: 'send' }) : undefined;
        const ids = { meetingId, siteId: siteIds['SO-YTE']!, transportId: transport?.data?.id ?? 'no-such-transport' };
        const payloads = socketPayloads(ids);
        expect(payloads.map(([event]) => event).sort()).toEqual(Object.keys(socketSpec).sort());
        for (const [event, payload] of payloads) {
          const answer = await emit.emitWithAck(event, payload);
          const code = answer.ok ? 'OK' : answer.error!.code;
          if (socketSpec[event]!.includes(role)) {
            // Past the access rule and the payload's validation: the meeting's own answer.
            expect(['FORBIDDEN', 'UNAUTHENTICATED', 'BAD_REQUEST'], `${role} ${event}: ${answer.error?.message}`).not.toContain(code);
          } else {
            expect({ event, code }).toEqual({ event, code: 'FORBIDDEN' });
          }
        }
      } finally {
        socket.close();
      }
    });
  }
});

/*
 * The scope rules on top of the matrix: a commune's secretariat (since the 2025 reform the level
 * below the province) sees a province meeting that invites one of its sites, but writes the minutes
 * and directives only of meetings it manages (every invited site within its commune), names only
 * units within its commune, and a refused
 * write stores nothing. A reported result is confirmed by someone other than who reported it.
 */
describe('what a commune’s secretariat may write and list', () => {
  let platform: TestPlatform;
  let province: string;
  let district: string;
  let ids: Awaited<ReturnType<typeof idsByCode>>;
  const cookies: Record<string, string> = {};
  const api = (who: string, method: string, url: string, body?: unknown) => callApi(platform.url, cookies[who], method, url, body);
  const deadline = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  const directive = (unitCode: string) => ({ content: 'Hoàn thành báo cáo tiến độ.', responsibleUnitIds: [ids.unit(unitCode)], deadline });

  beforeAll(async () => {
    platform = await startTestPlatform();
    ids = await idsByCode(platform.db.prisma);
    province = (await createMeeting(platform.db.prisma, { title: 'Họp UBND tỉnh', siteCodes: ['SO-YTE', '15865'] })).meetingId;
    district = (await createMeeting(platform.db.prisma, { title: 'Giao ban xã Hoằng Hóa', siteCodes: ['15865', '15865-2'] })).meetingId;
    cookies.admin = await login(platform.url, 'admin');
    await api('admin', 'POST', '/api/users', {
      username: 'thuky.hh', displayName: 'Thư ký Hoằng Hóa', role: 'SECRETARIAT', unitId: ids.unit('15865'), password: 'ThuKy2027',
    });
    cookies.district = await login(platform.url, 'thuky.hh', 'ThuKy2027');
    cookies.province = await login(platform.url, 'vanphong');
  });
  afterAll(async () => {
    await platform?.stop();
  });

  /** What the province meeting's records hold, to show a refused write left them as they were. */
  const records = async () => {
    const { entries, settings } = (await api('province', 'GET', `/api/meetings/${province}/minutes`)).body;
    return { entries, settings, directives: (await api('province', 'GET', `/api/directives?meetingId=${province}`)).body.directives };
  };

  it('lets a district secretariat read a province meeting that invites its site, and write none of its records', async () => {
    const entry = (await api('province', 'POST', `/api/meetings/${province}/minutes/entries`, { text: 'Ý kiến của Sở Y tế.' })).body.entry;
    const given = (await api('province', 'POST', `/api/meetings/${province}/directives`, directive('15865'))).body.directive;
    const before = await records();
    expect((await api('district', 'GET', `/api/meetings/${province}/minutes`)).status).toBe(200);

    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/meetings/${province}/minutes`, { version: 1, issuingBody: 'UBND huyện Hoằng Hóa', signerName: 'Giả mạo' }],
      ['POST', `/api/meetings/${province}/minutes/entries`, { text: 'Ý kiến chèn thêm.' }],
      ['PATCH', `/api/minutes/entries/${entry.id}`, { version: entry.version, text: 'Nội dung bị sửa.' }],
      ['DELETE', `/api/minutes/entries/${entry.id}?version=${entry.version}`, undefined],
      ['POST', `/api/meetings/${province}/directives`, directive('15865')],
      ['PATCH', `/api/directives/${given.id}`, { version: given.version, deadline: '2099-12-31' }],
    ];
    for (const [method, url, body] of attempts) {
      const answer = await api('district', method, url, body);
      expect({ method, url, status: answer.status, code: answer.body.code }).toEqual({ method, url, status: 403, code: 'FORBIDDEN' });
    }
    expect(await records()).toEqual(before);
  });

  it('lets it write the records of its own district’s meeting, for units of its district only, storing nothing when refused', async () => {
    const added = await api('district', 'POST', `/api/meetings/${district}/minutes/entries`, { text: 'Huyện báo cáo tình hình.' });
    expect(added.status).toBe(201);
    expect((await api('district', 'PATCH', `/api/meetings/${district}/minutes`, { version: 1, signerName: 'Lê Văn Huyện' })).status).toBe(200);
    expect((await api('district', 'POST', `/api/meetings/${district}/directives`, directive('15865'))).status).toBe(201);
    // A directive for a province department: refused, and not stored (it used to be stored, then answered 404).
    const beyond = await api('district', 'POST', `/api/meetings/${district}/directives`, directive('SO-YTE'));
    expect(beyond).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const stored = (await api('province', 'GET', `/api/directives?meetingId=${district}`)).body.directives;
    expect(stored.map((d: { responsibleUnits: Array<{ id: string }> }) => d.responsibleUnits.map((u) => u.id))).toEqual([[ids.unit('15865')]]);
  });

  it('has a result confirmed by someone other than the unit or the person that reported it', async () => {
    const own = (await api('district', 'POST', `/api/meetings/${district}/directives`, directive('15865'))).body.directive;
    const reported = (await api('district', 'POST', `/api/directives/${own.id}/reports`, { text: 'Đã hoàn thành.', done: true })).body.directive;
    const selfConfirm = await api('district', 'PATCH', `/api/directives/${own.id}`, { version: reported.version, status: 'CONFIRMED' });
    expect(selfConfirm).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await api('province', 'PATCH', `/api/directives/${own.id}`, { version: reported.version, status: 'CONFIRMED' })).body.directive).toMatchObject({ status: 'CONFIRMED' });

    const onBehalf = (await api('province', 'POST', `/api/meetings/${province}/directives`, directive('SO-YTE'))).body.directive;
    const done = (await api('province', 'POST', `/api/directives/${onBehalf.id}/reports`, { text: 'Sở đã hoàn thành.', done: true })).body.directive;
    expect((await api('province', 'PATCH', `/api/directives/${onBehalf.id}`, { version: done.version, status: 'CONFIRMED' })).status).toBe(403);
    expect((await api('admin', 'PATCH', `/api/directives/${onBehalf.id}`, { version: done.version, status: 'CONFIRMED' })).status).toBe(200);
  });

  it('lists only the accounts of its own district', async () => {
    const listed = (await api('district', 'GET', '/api/users')).body.users.map((u: { username: string }) => u.username).sort();
    expect(listed).toEqual(['15865', '15865-2', 'thuky.hh']);
    expect((await api('province', 'GET', '/api/users')).body.users.length).toBeGreaterThan(listed.length);
  });

  it('shows a meeting room the directives of its site’s unit, whatever unit its account names', async () => {
    const forHealth = (await api('province', 'POST', `/api/meetings/${province}/directives`, directive('SO-YTE'))).body.directive;
    const forDistrict = (await api('province', 'POST', `/api/meetings/${province}/directives`, directive('15865'))).body.directive;
    await platform.db.prisma.user.update({ where: { username: 'so-yte' }, data: { unitId: ids.unit('15865') } });
    cookies.kiosk = await login(platform.url, 'so-yte');
    const seen = (await api('kiosk', 'GET', '/api/directives')).body.directives.map((d: { id: string }) => d.id);
    expect(seen).toContain(forHealth.id);
    expect(seen).not.toContain(forDistrict.id);
  });

  it('shows who edited a minutes entry besides its author, and keeps a removed entry out of the minutes but in the table', async () => {
    const entry = (await api('province', 'POST', `/api/meetings/${province}/minutes/entries`, { text: 'Bản gốc.' })).body.entry;
    expect(entry).toMatchObject({ authorName: 'Văn phòng UBND tỉnh (thư ký cuộc họp)', editorName: null });
    const edited = (await api('admin', 'PATCH', `/api/minutes/entries/${entry.id}`, { version: entry.version, text: 'Bản đã sửa.' })).body.entry;
    expect(edited).toMatchObject({ authorName: 'Văn phòng UBND tỉnh (thư ký cuộc họp)', editorName: 'Quản trị hệ thống', text: 'Bản đã sửa.' });
    expect((await api('province', 'DELETE', `/api/minutes/entries/${entry.id}?version=${edited.version}`)).status).toBe(200);
    const minutes = (await api('province', 'GET', `/api/meetings/${province}/minutes`)).body;
    expect(minutes.entries.map((e: { id: string }) => e.id)).not.toContain(entry.id);
    expect(await platform.db.prisma.minutesEntry.findUnique({ where: { id: entry.id } })).toMatchObject({ text: 'Bản đã sửa.', removedAt: expect.any(Date) });
    expect((await api('province', 'PATCH', `/api/minutes/entries/${entry.id}`, { version: edited.version + 1, text: 'Sống lại?' })).status).toBe(404);
  });
});
