import http from 'node:http';
import { PrismaMeetingPlans } from '@pm/server/meetings/meetingPlans.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { idsByCode } from '../support/directory.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
const HOUR = 3_600_000;
const inHours = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

describe('scheduling meetings (real PostgreSQL)', () => {
  let platform: TestPlatform;
  let secretariat: string;
  let ids: Awaited<ReturnType<typeof idsByCode>>;
  let meeting: { id: string; siteCount: number; revision: number };

  const meetingBody = (overrides: Record<string, unknown> = {}) => ({
    title: 'Họp trực tuyến về phòng chống bão số 3',
    kind: 'EXTRAORDINARY',
    chairUserId: ids.user('chutich'),
    startsAt: inHours(48),
    endsAt: inHours(50),
    agenda: [
      { title: 'Báo cáo tình hình mưa lũ', presentingUnitId: ids.unit('SO-NONGNGHIEP'), plannedMinutes: 20 },
      { title: 'Ý kiến các địa phương', plannedMinutes: 60 },
    ],
    unitIds: [ids.unit('15865')],
    siteIds: [ids.site('SO-YTE'), ids.site('SO-XAYDUNG')],
    ...overrides,
  });

  beforeAll(async () => {
    platform = await startTestPlatform();
    secretariat = await login(platform.url, 'vanphong');
    ids = await idsByCode(platform.db.prisma);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it('schedules a meeting for a whole commune (its two rooms) plus two departments, with its agenda in order', async () => {
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody());
    expect(created.status).toBe(201);
    meeting = created.body.meeting;
    expect(meeting.siteCount).toBe(2 + 2);
    expect(created.body.meeting.agenda).toEqual([
      expect.objectContaining({ position: 1, title: 'Báo cáo tình hình mưa lũ', presentingUnitName: 'Sở Nông nghiệp và Môi trường' }),
      expect.objectContaining({ position: 2, presentingUnitId: null, plannedMinutes: 60 }),
    ]);
    expect(created.body.overlaps).toEqual([]);
    const fetched = await callApi(platform.url, secretariat, 'GET', `/api/meetings/${meeting.id}`);
    expect(fetched.body.meeting.sites.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['15865', '15865-2', 'SO-YTE', 'SO-XAYDUNG']));
    // The live meeting reads the same rows.
    const plan = await new PrismaMeetingPlans(platform.db.prisma, 0).load(meeting.id);
    expect(plan?.sites).toHaveLength(meeting.siteCount);
    expect(plan?.chairUserId).toBe(ids.user('chutich'));
  });

  it('rejects what does not make sense with 400 and the problems', async () => {
    const backwards = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ endsAt: inHours(47) }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.issues).toEqual([expect.stringMatching(/^endsAt: /)]);
    const unknown = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ siteIds: ['no-such-site'] }));
    expect(unknown).toMatchObject({ status: 400, body: { issues: ['siteIds.0: unknown site'] } });
    const notChair = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ chairUserId: ids.user('vanhanh') }));
    expect(notChair).toMatchObject({ status: 400, body: { issues: ['chairUserId: not an active chair'] } });
    const nobody = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ siteIds: [], unitIds: [] }));
    expect(nobody.status).toBe(400);
  });

  it('warns about sites invited to an overlapping meeting, and still saves it', async () => {
    const body = meetingBody({ title: 'Giao ban Sở Y tế', unitIds: [], siteIds: [ids.site('SO-YTE'), ids.site('TINH')], startsAt: inHours(49), endsAt: inHours(51) });
    const check = await callApi(platform.url, secretariat, 'POST', '/api/meetings/overlaps', { startsAt: body.startsAt, endsAt: body.endsAt, siteIds: body.siteIds });
    expect(check.body).toMatchObject({ siteCount: 2, overlaps: [expect.objectContaining({ siteId: ids.site('SO-YTE'), meetingId: meeting.id })] });
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', body);
    expect(created.status).toBe(201);
    expect(created.body.overlaps.map((o: { siteId: string }) => o.siteId)).toEqual([ids.site('SO-YTE')]);
  });

  it('shows a site the meetings it is invited to, and only those', async () => {
    const invited = await login(platform.url, '15865-2');
    const list = await callApi(platform.url, invited, 'GET', '/api/meetings');
    expect(list.body.meetings.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    expect((await callApi(platform.url, invited, 'GET', `/api/meetings/${meeting.id}`)).status).toBe(200);

    const notInvited = await login(platform.url, 'tinh');
    const theirs = await callApi(platform.url, notInvited, 'GET', '/api/meetings');
    expect(theirs.body.meetings.map((m: { id: string }) => m.id)).not.toContain(meeting.id);
    expect(await callApi(platform.url, notInvited, 'GET', `/api/meetings/${meeting.id}`)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await callApi(platform.url, notInvited, 'GET', `/api/meetings/${meeting.id}/invitation.ics`)).status).toBe(403);
  });

  it('pushes an edit and a cancellation to the invited sites, who then see the change', async () => {
    const cookie = await login(platform.url, '15865-2');
    const socket: ClientSocket = io(platform.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie } });
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const changes: Array<{ meetingId: string; change: string }> = [];
    socket.on('schedule:changed', (change) => changes.push(change));
    try {
      const edited = await callApi(platform.url, secretariat, 'PATCH', `/api/meetings/${meeting.id}`, { startsAt: inHours(47), title: 'Họp khẩn về phòng chống bão số 3' });
      expect(edited.status, JSON.stringify(edited.body)).toBe(200);
      expect(edited.body.meeting.revision).toBe(meeting.revision + 1);
      await expect.poll(() => changes).toContainEqual({ meetingId: meeting.id, change: 'updated' });

      const seen = await callApi(platform.url, cookie, 'GET', '/api/meetings?includeCancelled=true');
      expect(seen.body.meetings[0]).toMatchObject({ title: 'Họp khẩn về phòng chống bão số 3', revision: 2 });

      const cancelled = await callApi(platform.url, secretariat, 'POST', `/api/meetings/${meeting.id}/cancel`, { reason: 'Bão đổi hướng' });
      expect(cancelled.body.meeting).toMatchObject({ status: 'CANCELLED', cancelReason: 'Bão đổi hướng', revision: 3 });
      await expect.poll(() => changes).toContainEqual({ meetingId: meeting.id, change: 'cancelled' });
      const after = await callApi(platform.url, cookie, 'GET', '/api/meetings?includeCancelled=true');
      expect(after.body.meetings[0]).toMatchObject({ status: 'CANCELLED', cancelReason: 'Bão đổi hướng' });
      expect((await callApi(platform.url, cookie, 'GET', '/api/meetings')).body.meetings).toEqual([]);
      expect((await callApi(platform.url, secretariat, 'PATCH', `/api/meetings/${meeting.id}`, { title: 'Không được sửa' })).status).toBe(409);
      expect(await new PrismaMeetingPlans(platform.db.prisma, 0).load(meeting.id)).toBeUndefined();
    } finally {
      socket.close();
    }
  });

  it('repeats weekly, and cancels an occurrence and the rest of its series', async () => {
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ title: 'Giao ban tuần', startsAt: inHours(24 * 10), endsAt: inHours(24 * 10 + 1), recurrence: { frequency: 'WEEKLY', count: 3 } }));
    expect(created.status).toBe(201);
    const starts = created.body.occurrences.map((o: { startsAt: string }) => Date.parse(o.startsAt));
    expect(starts.slice(1).map((start: number, i: number) => start - starts[i])).toEqual([7 * 24 * HOUR, 7 * 24 * HOUR]);
    expect(created.body.meeting.recurrence).toEqual({ frequency: 'WEEKLY', count: 3 });
    const [, second] = created.body.occurrences;
    await callApi(platform.url, secretariat, 'POST', `/api/meetings/${second.id}/cancel`, { reason: 'Nghỉ lễ', following: true });
    const statuses = await platform.db.prisma.meeting.findMany({ where: { seriesId: created.body.meeting.seriesId }, orderBy: { startsAt: 'asc' }, select: { status: true } });
    expect(statuses.map((m) => m.status)).toEqual(['SCHEDULED', 'CANCELLED', 'CANCELLED']);
  });

  it('writes an iCalendar invitation', async () => {
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ title: 'Hội nghị trực tuyến, tháng 1' }));
    const site = await login(platform.url, 'so-yte');
    const response = await fetch(`${platform.url}/api/meetings/${created.body.meeting.id}/invitation.ics`, { headers: { cookie: site } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await response.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`UID:${created.body.meeting.id}@province-meet\r\n`);
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:Hội nghị trực tuyến\\, tháng 1\r\n');
  });

  it('points the invitation at the platform’s own address, whatever Host the request names', async () => {
    const created = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ title: 'Họp có Host giả' }));
    const site = await login(platform.url, 'so-yte');
    const ics = await new Promise<string>((resolve, reject) => {
      const request = http.get(`${platform.url}/api/meetings/${created.body.meeting.id}/invitation.ics`, { headers: { cookie: site, host: 'lua-dao.example' } }, (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk)).on('end', () => resolve(text));
      });
      request.on('error', reject);
    });
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).not.toContain('lua-dao.example');
    expect(unfolded).toContain(`URL:${platform.url}/`);
  });

  it('gives the operator each invited site’s readiness once check-in opens', async () => {
    const soon = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ title: 'Họp sắp bắt đầu', unitIds: [], siteIds: [ids.site('SO-YTE'), ids.site('15865-2'), ids.site('TINH')], startsAt: inHours(0.25), endsAt: inHours(2) }));
    const later = await callApi(platform.url, secretariat, 'POST', '/api/meetings', meetingBody({ title: 'Họp tuần sau', unitIds: [], siteIds: [ids.site('SO-YTE')], startsAt: inHours(24 * 7), endsAt: inHours(24 * 7 + 1) }));
    const report = { devices: 'ok', server: 'ok', media: 'ok', roundTripMs: 12 };
    expect((await callApi(platform.url, await login(platform.url, 'so-yte'), 'POST', '/api/checks', report)).body).toMatchObject({ passed: true });
    expect((await callApi(platform.url, await login(platform.url, '15865-2'), 'POST', '/api/checks', { ...report, media: 'failed' })).body).toMatchObject({ passed: false });
    expect((await callApi(platform.url, await login(platform.url, 'tinh'), 'POST', '/api/checks', { ...report, extra: 1 })).status).toBe(400);

    const operator = await login(platform.url, 'vanhanh');
    const readiness = (await callApi(platform.url, operator, 'GET', `/api/meetings/${soon.body.meeting.id}/readiness`)).body;
    expect(readiness).toMatchObject({ checkInOpen: true, counts: { invited: 3, ready: 1, failed: 1, unchecked: 1 } });
    expect(readiness.sites.find((s: { siteId: string }) => s.siteId === ids.site('SO-YTE'))).toMatchObject({ state: 'ready', roundTripMs: 12 });
    // A check made before a meeting's window opened says nothing about the equipment on the day.
    const notYet = (await callApi(platform.url, operator, 'GET', `/api/meetings/${later.body.meeting.id}/readiness`)).body;
    expect(notYet).toMatchObject({ checkInOpen: false, counts: { invited: 1, unchecked: 1 } });
  });

  it('keeps a commune’s secretariat to meetings of its own sites', async () => {
    const admin = await login(platform.url, 'admin');
    await callApi(platform.url, admin, 'POST', '/api/users', { username: 'thuky.hh', displayName: 'Thư ký Hoằng Hóa', role: 'SECRETARIAT', unitId: ids.unit('15865'), password: 'ThuKy2027' });
    const commune = await login(platform.url, 'thuky.hh', 'ThuKy2027');
    const own = await callApi(platform.url, commune, 'POST', '/api/meetings', meetingBody({ title: 'Giao ban xã', siteIds: [] }));
    expect(own.status).toBe(201);
    const beyond = await callApi(platform.url, commune, 'POST', '/api/meetings', meetingBody({ title: 'Vượt phạm vi' }));
    expect(beyond).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const provincial = (await callApi(platform.url, secretariat, 'GET', '/api/meetings')).body.meetings.find((m: { siteCount: number; title: string }) => m.title === 'Giao ban Sở Y tế');
    expect((await callApi(platform.url, commune, 'POST', `/api/meetings/${provincial.id}/cancel`, { reason: 'Thử' })).status).toBe(403);
  });
});
