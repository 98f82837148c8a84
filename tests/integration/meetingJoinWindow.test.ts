import { CodedError } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const HOUR = 3_600_000;

/**
 * Forged attendance (issue 15): joining is attending, so `meeting:join` is accepted only from the
 * check-in window's opening (CHECKIN_WINDOW_MINUTES before the start) to the meeting's end, and a
 * refused join writes no attendance at all.
 */
describe('when a meeting may be joined', () => {
  let platform: TestPlatform;
  const clients: ProtocolClient[] = [];
  const connect = async (username: string) => {
    const client = await ProtocolClient.connect(platform.url, username);
    clients.push(client);
    return client;
  };
  const meetingAt = async (title: string, startsAt: Date) =>
    (await createMeeting(platform.db.prisma, { title, siteCodes: ['SO-YTE', 'TINH'], startsAt })).meetingId;
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: unknown) => (error instanceof CodedError ? error.code : String(error)),
    );
  const attendanceRows = async (meetingId: string) => ({
    presence: await platform.db.prisma.presenceEvent.count({ where: { meetingId } }),
    attendance: await platform.db.prisma.siteAttendance.count({ where: { meetingId } }),
  });

  beforeAll(async () => {
    platform = await startTestPlatform({ CHECKIN_WINDOW_MINUTES: '30' });
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    await platform?.stop();
  });

  it('refuses yesterday’s meeting, next week’s, and one whose check-in has not opened, writing no attendance', async () => {
    const site = await connect('so-yte');
    const meetings = {
      yesterday: await meetingAt('Họp hôm qua', new Date(Date.now() - 26 * HOUR)),
      nextWeek: await meetingAt('Họp tuần sau', new Date(Date.now() + 7 * 24 * HOUR)),
      beforeCheckIn: await meetingAt('Họp sau 31 phút', new Date(Date.now() + 31 * 60_000)),
    };
    for (const [when, meetingId] of Object.entries(meetings)) {
      expect({ when, code: await refusal(site.request('meeting:join', { meetingId })) }).toEqual({ when, code: 'OUTSIDE_MEETING_TIME' });
      expect(await attendanceRows(meetingId)).toEqual({ presence: 0, attendance: 0 });
    }
  });

  it('admits a site from the opening of check-in, and refuses it once the meeting has ended even while it is still open', async () => {
    const inCheckIn = await meetingAt('Họp sau 20 phút', new Date(Date.now() + 20 * 60_000));
    const site = await connect('so-yte');
    await site.request('meeting:join', { meetingId: inCheckIn });
    expect((await attendanceRows(inCheckIn)).presence).toBeGreaterThan(0);

    // The meeting stays open on this node (a site is in it); its end passes (the schedule says so now).
    await platform.db.prisma.meeting.update({ where: { id: inCheckIn }, data: { startsAt: new Date(Date.now() - 2 * HOUR), endsAt: new Date(Date.now() - 1000) } });
    const late = await connect('tinh');
    expect(await refusal(late.request('meeting:join', { meetingId: inCheckIn }))).toBe('OUTSIDE_MEETING_TIME');
    const tinh = await platform.db.prisma.site.findUniqueOrThrow({ where: { code: 'TINH' } });
    expect(await platform.db.prisma.presenceEvent.count({ where: { meetingId: inCheckIn, siteId: tinh.id } })).toBe(0);
  });
});
