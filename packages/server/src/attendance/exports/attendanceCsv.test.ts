import type { MeetingAttendanceReport, SiteAttendanceRow } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { attendanceCsv } from './attendanceCsv.js';

const site = (over: Partial<SiteAttendanceRow>): SiteAttendanceRow => ({
  siteId: 's1',
  siteCode: 'XA-1',
  siteName: 'Xã Hoằng Đạo',
  groupName: 'Huyện Hoằng Hóa',
  attended: true,
  firstJoin: '2026-12-01T01:00:00.000Z',
  lastLeave: '2026-12-01T02:00:00.000Z',
  intervals: [],
  presentMinutes: 60,
  presencePct: 100,
  late: false,
  lateMinutes: null,
  leftEarly: false,
  reconnects: 0,
  headcount: 5,
  operatedBy: null,
  rollCalls: [],
  quality: { samples: 0, avgRttMs: null, avgLossPct: null, worstLossPct: null, poorPct: null },
  ...over,
});

describe('attendance.csv', () => {
  it('keeps a site named like a formula as text (CSV formula injection)', () => {
    const report = {
      meeting: { id: 'm', title: 'Họp', startsAt: '2026-12-01T01:00:00.000Z', endsAt: '2026-12-01T03:00:00.000Z' },
      generatedAt: '2026-12-01T03:00:00.000Z',
      graceSeconds: 60,
      rollCalls: [],
      summary: { invited: 1, attended: 1, absent: 0, late: 0, leftEarly: 0, headcount: 5 },
      sites: [site({ siteName: '=HYPERLINK("http://evil.test","Xem")', groupName: '@SUM(1)', siteCode: '+1+cmd' })],
    } satisfies MeetingAttendanceReport;
    const row = attendanceCsv(report).split('\r\n')[1]!;
    expect(row.startsWith(`'@SUM(1),"'=HYPERLINK(""http://evil.test"",""Xem"")",'+1+cmd,`)).toBe(true);
  });
});
