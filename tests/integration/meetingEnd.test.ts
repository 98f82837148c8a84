import type { MeetingAttendanceReport } from '@pm/shared';
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

/**
 * Issue 13 §2 against a real node: a chair closing the page does not end the meeting; a room may
 * not end it; the chair does, every room is told, the real end is stored, no join reopens it, and
 * the attendance report counts up to the real end (nobody "left early").
 */
describe('ending a meeting for everyone', () => {
  let platform: TestPlatform;
  let meeting: MeetingFixture;
  const clients: ProtocolClient[] = [];

  async function join(username: string): Promise<ProtocolClient> {
    const client = await ProtocolClient.connect(platform.url, username);
    clients.push(client);
    await client.request('meeting:join', { meetingId: meeting.meetingId });
    return client;
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    meeting = await createMeeting(platform.db.prisma, {
      title: 'Họp trực tuyến kết thúc sớm',
      siteCodes: ['HUYEN-HOANGHOA', 'XA-HOANGHOA-HOANGDAO', 'SO-YTE'],
    });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it('goes on when the chair closes its page, refuses a room, ends at the chair’s word and stores the real end', async () => {
    const hoangHoa = await join('huyen-hoanghoa');
    const hoangDao = await join('xa-hoanghoa-hoangdao');
    const chair = await join('chutich');

    // A room cannot end the meeting for everyone.
    await expect(hoangHoa.request('meeting:end', {})).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The chair closes the page: the meeting goes on (a room still asks for the floor).
    chair.close();
    await sleep(300);
    expect(await hoangDao.request('floor:request', {})).toEqual({ position: 1 });
    expect(hoangHoa.last('meeting:ended')).toBeUndefined();

    const chairBack = await join('chutich');
    const before = new Date();
    await chairBack.request('meeting:end', {});
    const after = new Date();
    for (const room of [hoangHoa, hoangDao]) expect(await pushed(room, 'meeting:ended')).toEqual({ meetingId: meeting.meetingId });

    const stored = await platform.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.meetingId } });
    expect(stored.endedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(stored.endedAt!.getTime()).toBeLessThanOrEqual(after.getTime());

    // Ended is ended: neither a room nor the chair reopens it.
    const late = await ProtocolClient.connect(platform.url, 'so-yte');
    clients.push(late);
    await expect(late.request('meeting:join', { meetingId: meeting.meetingId })).rejects.toMatchObject({ code: 'CONFLICT' });
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
