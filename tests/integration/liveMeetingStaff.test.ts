import { MESSAGE_MAX_CHARS, meetingOverAt, type FloorState, type MeetingAttendanceReport, type MeetingMessage, type ScheduledMeeting } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once the client has been pushed `event` (or fails the test after a while). */
async function pushed(client: ProtocolClient, event: string, timeoutMs = 5000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const payload = client.last(event);
    if (payload) return payload;
    await sleep(50);
  }
  throw new Error(`${event} never arrived`);
}

/** The texts of the messages a client was pushed, in order. */
const texts = (client: ProtocolClient) => client.events.filter((e) => e.event === 'meeting:message').map((e) => (e.payload as MeetingMessage).text);

/** What the staff do to a running meeting besides the floor, against one real node: messages, and the end. */
let platform: TestPlatform;
const clients: ProtocolClient[] = [];

/** Signs `username` in on a socket of its own and joins the meeting. */
async function join(meeting: MeetingFixture, username: string): Promise<ProtocolClient> {
  const client = await ProtocolClient.connect(platform.url, username);
  clients.push(client);
  await client.request('meeting:join', { meetingId: meeting.meetingId });
  return client;
}

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  for (const client of clients) client.close();
  await platform?.stop();
});

/**
 * Issue 13 §3's text channel against a real node: the operator writes to one room, a room asks
 * the operators for help, every message is in the meeting's log, the edge refuses oversized text
 * and a flood from one socket.
 */
describe('text messages in a live meeting', () => {
  let meeting: MeetingFixture;
  const joinAs = (username: string) => join(meeting, username);

  beforeAll(async () => {
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến có tin nhắn',
      siteCodes: ['15865', '15991'],
    });
  });

  it('carries the operator’s message to one room and a room’s call for help to the operator, and logs both', async () => {
    const hoangHoa = await joinAs('15865');
    const hoangDao = await joinAs('15991');
    const operator = await joinAs('vanhanh');
    const hoangDaoId = meeting.siteIds['15991']!;

    const sent = await operator.request('message:send', { to: { kind: 'site', siteId: hoangDaoId }, text: '  Điểm cầu Hoằng Đạo bật micrô  ' });
    expect(sent).toMatchObject({ text: 'Điểm cầu Hoằng Đạo bật micrô', fromSiteId: null, to: { kind: 'site', siteId: hoangDaoId } });
    const help = await hoangHoa.request('message:send', { to: { kind: 'staff' }, text: 'Cần hỗ trợ kỹ thuật' });
    expect(help.fromName).toContain('Hoằng Hóa');
    await sleep(300);
    expect(texts(hoangDao)).toEqual(['Điểm cầu Hoằng Đạo bật micrô']);
    expect(texts(hoangHoa)).toEqual([]);
    expect(texts(operator)).toEqual(['Điểm cầu Hoằng Đạo bật micrô', 'Cần hỗ trợ kỹ thuật']);

    // A room writes to the staff only.
    await expect(hoangHoa.request('message:send', { to: { kind: 'all' }, text: 'Xin chào' })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const log = await platform.db.prisma.meetingMessage.findMany({ where: { meetingId: meeting.meetingId }, orderBy: { at: 'asc' } });
    expect(log.map((m) => [m.audience, m.targetId, m.fromSiteId, m.text])).toEqual([
      ['site', hoangDaoId, null, 'Điểm cầu Hoằng Đạo bật micrô'],
      ['staff', null, meeting.siteIds['15865']!, 'Cần hỗ trợ kỹ thuật'],
    ]);
  });

  it('refuses an empty or oversized text, and more than a few messages from one socket in a while', async () => {
    const operator = await joinAs('vanhanh');
    await expect(operator.request('message:send', { to: { kind: 'all' }, text: '   ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(operator.request('message:send', { to: { kind: 'all' }, text: 'x'.repeat(MESSAGE_MAX_CHARS + 1) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const results = await Promise.allSettled(Array.from({ length: 7 }, (_, i) => operator.request('message:send', { to: { kind: 'all' }, text: `Tin ${i}` })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(5);
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(refusals).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // The server goes on serving the others.
    const room = await joinAs('15865');
    expect(await room.request('message:send', { to: { kind: 'staff' }, text: 'Đã nghe rõ' })).toMatchObject({ text: 'Đã nghe rõ' });
  });
});

/**
 * Issue 13 §2 against a real node: a chair closing the page does not end the meeting; a room may
 * not end it; the chair does, every room is told, the real end is stored, no join reopens it, and
 * the attendance report counts up to the real end (nobody "left early").
 */
describe('ending a meeting for everyone', () => {
  let meeting: MeetingFixture;
  const joinAs = (username: string) => join(meeting, username);

  beforeAll(async () => {
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến kết thúc sớm',
      siteCodes: ['15865', '15991', 'SO-YTE'],
    });
  });

  it('goes on when the chair closes its page, refuses a room, ends at the chair’s word and stores the real end', async () => {
    const hoangHoa = await joinAs('15865');
    const hoangDao = await joinAs('15991');
    const chair = await joinAs('chutich');

    // A room cannot end the meeting for everyone.
    await expect(hoangHoa.request('meeting:end', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The chair closes the page: the meeting goes on (a room still asks for the floor).
    chair.close();
    await sleep(300);
    expect(await hoangDao.request('floor:request', {})).toEqual({ position: 1 });
    expect(hoangHoa.last('meeting:ended')).toBeUndefined();

    const chairBack = await joinAs('chutich');
    const before = new Date();
    await chairBack.request('meeting:end', {});
    const after = new Date();
    for (const room of [hoangHoa, hoangDao]) expect(await pushed(room, 'meeting:ended')).toEqual({ meetingId: meeting.meetingId });

    const stored = await platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } });
    expect(stored.endedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(stored.endedAt!.getTime()).toBeLessThanOrEqual(after.getTime());

    // Ended is ended: its join window closed at the real end, so no room reopens it.
    const late = await ProtocolClient.connect(platform.url, 'so-yte');
    clients.push(late);
    await expect(late.request('meeting:join', { meetingId: meeting.meetingId })).rejects.toMatchObject({ code: 'OUTSIDE_MEETING_TIME' });
  });

  it('lists the meeting with its real end, so a room’s home shows it over instead of offering to join it', async () => {
    const cookie = await login(platform.url, '15865');
    const answer = await callApi(platform.url, cookie, 'GET', '/api/meetings');
    expect(answer.status).toBe(200);
    const listed = (answer.body as { meetings: ScheduledMeeting[] }).meetings.find((m) => m.id === meeting.meetingId);
    const stored = await platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } });
    // Still before its scheduled end, and listed: the real end says it is over.
    expect(Date.parse(listed!.endsAt)).toBeGreaterThan(Date.now());
    expect(listed!.endedAt).toBe(stored.endedAt!.toISOString());
    expect(meetingOverAt(listed!)).toBeLessThanOrEqual(Date.now());
  });

  it('reports attendance up to the real end: the rooms present at the end did not leave early', async () => {
    const cookie = await login(platform.url, 'vanhanh');
    const answer = await callApi(platform.url, cookie, 'GET', `/api/meetings/${meeting.meetingId}/attendance`);
    expect(answer.status).toBe(200);
    const report = answer.body as MeetingAttendanceReport;
    const stored = await platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } });
    expect(report.meeting.endsAt).toBe(stored.endedAt!.toISOString());
    expect(report.summary).toMatchObject({ invited: 3, attended: 2, absent: 1, leftEarly: 0 });
    for (const site of report.sites.filter((s) => s.attended)) {
      expect(site.leftEarly).toBe(false);
      expect(site.lastLeave! >= report.meeting.endsAt).toBe(true);
    }
  });
});

/**
 * Issue 13 §5's per-site actions on the operator's wall, against a real node: the operator mutes
 * the room holding the floor (its kiosk hears whose act it was), moves a waiting room to the front,
 * and calls back a room that is signed in but not in the meeting, whose home screen hears it; each
 * act is in the audit log, the call in the meeting's message log.
 */
describe('the operator’s actions on one site', () => {
  let meeting: MeetingFixture;
  const joinAs = (username: string) => join(meeting, username);

  beforeAll(async () => {
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến có điểm cầu được mời lại',
      siteCodes: ['15865', '15991', 'SO-YTE'],
    });
  });

  it('mutes the room holding the floor, moves a waiting room to the front, and audits both', async () => {
    const hoangHoaId = meeting.siteIds['15865']!;
    const yTeId = meeting.siteIds['SO-YTE']!;
    const hoangHoa = await joinAs('15865');
    const yTe = await joinAs('so-yte');
    const operator = await joinAs('vanhanh');
    await operator.request('floor:grant', { siteId: hoangHoaId });
    await expect(operator.request('floor:mute', { siteId: yTeId })).rejects.toMatchObject({ code: 'CONFLICT' });
    await operator.request('floor:mute', { siteId: hoangHoaId });
    await expect.poll(() => hoangHoa.last<FloorState>('meeting:floor')?.mutedSite?.siteId).toBe(hoangHoaId);
    expect(hoangHoa.last<FloorState>('meeting:floor')!.holder).toBeNull();
    await expect(hoangHoa.request('floor:mute', { siteId: yTeId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await hoangHoa.request('floor:request', {});
    await yTe.request('floor:request', {});
    await operator.request('floor:front', { siteId: yTeId });
    await expect.poll(() => operator.last<FloorState>('meeting:floor')?.queue.map((r) => r.siteId)).toEqual([yTeId, hoangHoaId]);

    const audit = await platform.db.prisma.auditEntry.findMany({ where: { target: `meeting ${meeting.meetingId}` }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actor, (a.after as { siteId?: string }).siteId])).toEqual([
      ['floor.grant', 'vanhanh', hoangHoaId],
      ['floor.mute', 'vanhanh', hoangHoaId],
      ['floor.front', 'vanhanh', yTeId],
    ]);
  });

  it('calls back a room that is signed in but not in the meeting: its screen hears it, the call is logged', async () => {
    const hoangDaoId = meeting.siteIds['15991']!;
    const hoangDaoHome = await ProtocolClient.connect(platform.url, '15991');
    clients.push(hoangDaoHome);
    const operator = await joinAs('vanhanh');
    const call = await operator.request('meeting:callBack', { siteId: hoangDaoId, text: 'Ban điều hành mời điểm cầu vào lại cuộc họp.' });
    expect(await pushed(hoangDaoHome, 'meeting:callBack')).toEqual({ meetingId: meeting.meetingId, title: 'Họp trực tuyến có điểm cầu được mời lại', message: call });

    const log = await platform.db.prisma.meetingMessage.findMany({ where: { meetingId: meeting.meetingId } });
    expect(log.map((m) => [m.audience, m.targetId, m.text])).toEqual([['site', hoangDaoId, 'Ban điều hành mời điểm cầu vào lại cuộc họp.']]);
    const audit = await platform.db.prisma.auditEntry.findFirst({ where: { action: 'floor.callBack', target: `meeting ${meeting.meetingId}` } });
    expect(audit).toMatchObject({ actor: 'vanhanh', after: { siteId: hoangDaoId } });

    // A room in the meeting is not called back; a room cannot call anyone.
    const hoangHoaId = meeting.siteIds['15865']!;
    const hoangHoa = await joinAs('15865');
    await expect(operator.request('meeting:callBack', { siteId: hoangHoaId, text: 'Mời vào lại' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(hoangHoa.request('meeting:callBack', { siteId: hoangDaoId, text: 'Mời vào lại' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await platform.db.prisma.meetingMessage.count({ where: { meetingId: meeting.meetingId } })).toBe(1);
  });
});

/**
 * Issue 13 §1 against a real node: the meeting's secretary sets the agenda item under discussion
 * from the minutes screen, as the chair does from the console; every room is told, and the
 * minutes screen's live view reads it back (what a new entry is stamped with).
 */
describe('the agenda item set from the minutes', () => {
  let meeting: MeetingFixture;

  beforeAll(async () => {
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến theo chương trình',
      siteCodes: ['15865'],
      agenda: ['Báo cáo tình hình', 'Kết luận'],
    });
  });

  it('lets the secretary move the running meeting to an item; rooms hear it, the minutes follow it; others are refused', async () => {
    const path = `/api/meetings/${meeting.meetingId}/minutes/agenda-item`;
    const secretary = await login(platform.url, 'vanphong');
    // Before anyone has joined, the meeting is not running here: nothing to move.
    expect((await callApi(platform.url, secretary, 'PATCH', path, { position: 1 })).status).toBe(409);

    const room = await join(meeting, '15865');
    const answer = await callApi(platform.url, secretary, 'PATCH', path, { position: 2 });
    expect(answer).toMatchObject({ status: 200, body: { position: 2 } });
    expect(await pushed(room, 'meeting:agendaItem')).toEqual({ position: 2 });
    const live = await callApi(platform.url, secretary, 'GET', `/api/meetings/${meeting.meetingId}/minutes/live`);
    expect(live.body).toMatchObject({ live: true, agendaItem: 2 });

    // The chair moves on from the console: the minutes follow.
    const chair = await join(meeting, 'chutich');
    await chair.request('meeting:agendaItem', { position: 1 });
    expect((await callApi(platform.url, secretary, 'GET', `/api/meetings/${meeting.meetingId}/minutes/live`)).body).toMatchObject({ agendaItem: 1 });

    expect((await callApi(platform.url, secretary, 'PATCH', path, { position: 3 })).status).toBe(404);
    expect((await callApi(platform.url, secretary, 'PATCH', path, { position: 0 })).status).toBe(400);
    for (const username of ['chutich', '15865', 'theodoi']) {
      expect((await callApi(platform.url, await login(platform.url, username), 'PATCH', path, { position: null })).status, username).toBe(403);
    }
    expect((await callApi(platform.url, secretary, 'GET', `/api/meetings/${meeting.meetingId}/minutes/live`)).body).toMatchObject({ agendaItem: 1 });
  });
});
