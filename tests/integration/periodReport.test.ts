import type { AttendancePeriodReport } from '@pm/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, login } from '../support/auth.ts';
import { createMeeting, type MeetingFixture } from '../support/meetingFixture.ts';
import { startTestPlatform, type TestPlatform } from '../support/platform.ts';

/**
 * Attendance over a period counts the province's calendar days (UTC+7): a meeting at 06:30 on
 * 7 December in Thanh Hóa is 23:30 on the 6th in UTC and belongs to the 7th. And the report
 * downloads as CSV.
 */
describe('attendance over a period', () => {
  let platform: TestPlatform;
  let early: MeetingFixture;
  let cookie: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    early = await createMeeting(platform.db.prisma, {
      title: 'Giao ban sớm',
      siteCodes: ['SO-YTE', '15865'],
      startsAt: new Date('2026-12-06T23:30:00Z'),
    });
    await platform.db.prisma.presenceEvent.create({
      data: { meetingId: early.meetingId, siteId: early.siteIds['SO-YTE']!, kind: 'JOIN', at: new Date('2026-12-06T23:29:00Z') },
    });
    cookie = await login(platform.url, 'theodoi');
  });
  afterAll(async () => platform?.stop());

  const period = async (from: string, to: string) => {
    const answer = await callApi(platform.url, cookie, 'GET', `/api/attendance?from=${from}&to=${to}`);
    expect(answer.status).toBe(200);
    return answer.body as AttendancePeriodReport;
  };

  it("counts a meeting before 07:00 on the province's day, not on the UTC day", async () => {
    const onTheDay = await period('2026-12-07', '2026-12-07');
    expect(onTheDay.meetings).toBe(1);
    expect(onTheDay.sites.find((s) => s.name.includes('Sở Y tế'))).toMatchObject({ invited: 1, attended: 1 });
    expect((await period('2026-12-06', '2026-12-06')).meetings).toBe(0);
  });

  it('downloads the period as CSV: the units, the site groups, then each site with its unit', async () => {
    const response = await fetch(`${platform.url}/api/attendance.csv?from=2026-12-07&to=2026-12-07`, { headers: { cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain('ty-le-tham-du-2026-12-07-2026-12-07.csv');
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Tỷ lệ tham dự từ 07/12/2026 đến 07/12/2026,1 cuộc họp');
    expect(lines[1]).toBe('Cấp,Tên,Thuộc,Được mời,Tham dự,Vắng,Đến muộn,Tỷ lệ tham dự (%)');
    const soYte = lines.find((line) => line.startsWith('Điểm cầu,') && line.includes('Sở Y tế'))!.split(',');
    expect(soYte.slice(3)).toEqual(['1', '1', '0', '0', '100']);
    expect(lines.filter((line) => line.startsWith('Điểm cầu,'))).toHaveLength(2);
    // Hoằng Hóa's room (not joined) in "all communes", the health department's (joined) in "all departments".
    expect(lines).toContain('Nhóm điểm cầu,Tất cả các xã,,1,0,1,0,0');
    expect(lines).toContain('Nhóm điểm cầu,"Tất cả sở, ban, ngành",,1,1,0,0,100');
    const groupRows = lines.filter((line) => line.startsWith('Nhóm điểm cầu,'));
    expect(groupRows).toHaveLength((await period('2026-12-07', '2026-12-07')).groups.length);
    expect(lines.indexOf(groupRows[0]!)).toBeLessThan(lines.indexOf(lines.find((line) => line.startsWith('Điểm cầu,'))!));
  });

  it('refuses a malformed period with a clear error', async () => {
    const answer = await callApi(platform.url, cookie, 'GET', '/api/attendance.csv?from=07/12/2026&to=2026-12-07');
    expect(answer.status).toBe(400);
  });
});
