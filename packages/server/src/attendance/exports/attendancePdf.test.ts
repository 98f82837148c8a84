import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeetingAttendanceReport, SiteAttendanceRow } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { attendancePdf } from './attendancePdf.js';
import { summaryLines } from './reportColumns.js';

const site = (i: number): SiteAttendanceRow => ({
  siteId: `s${i}`,
  siteCode: `XA-${i}`,
  siteName: `Phòng họp xã số ${i}`,
  groupName: `Huyện ${Math.floor(i / 13)}`,
  attended: true,
  firstJoin: '2026-12-07T01:00:00.000Z',
  lastLeave: '2026-12-07T03:00:00.000Z',
  intervals: [],
  presentMinutes: 120,
  presencePct: 100,
  late: false,
  lateMinutes: null,
  leftEarly: false,
  reconnects: 0,
  headcount: 5,
  operatedBy: null,
  rollCalls: [],
  quality: { samples: 0, avgRttMs: null, avgLossPct: null, worstLossPct: null, poorPct: null },
});

/** 348 invited sites, as the province's largest meetings. */
const report: MeetingAttendanceReport = {
  meeting: { id: 'm1', title: 'Hội nghị toàn tỉnh', startsAt: '2026-12-07T01:00:00.000Z', endsAt: '2026-12-07T03:00:00.000Z' },
  generatedAt: '2026-12-07T03:10:00.000Z',
  graceSeconds: 60,
  rollCalls: [],
  summary: { invited: 348, attended: 348, absent: 0, late: 0, leftEarly: 0, headcount: 1740 },
  sites: Array.from({ length: 348 }, (_, i) => site(i)),
};

describe('the attendance report as PDF', () => {
  it('writes years in four digits and the times in the province’s clock', () => {
    expect(summaryLines(report)[0]).toBe('Thời gian: 08:00 07/12/2026 – 10:00 07/12/2026');
  });

  it('numbers every page "Trang n/N"', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-attendance-')), 'report.pdf');
    fs.writeFileSync(file, await attendancePdf(report));
    const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((text, i) => expect(text).toContain(`Trang ${i + 1}/${pages.length}`));
  });
});
