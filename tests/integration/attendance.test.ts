import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MeetingAttendanceReport, SiteAttendanceRow } from '@pm/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaAttendanceStore } from '@pm/server/attendance/attendanceStore.ts';
import { createTestDatabase, type TestDatabase } from '@pm/server/db/testDatabase.ts';
import { login } from '../support/auth.ts';
import { ServerProcess } from '../support/serverProcess.ts';
import { createMeeting } from '../support/meetingFixture.ts';
import { ProtocolClient } from '../support/signallingClient.ts';

const GRACE_S = 15;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 5's scenario end to end, against a real server process: sites join (one late), one drops
 * and comes back within the grace period, one stays away past it, a roll call that one site does
 * not answer, headcounts, then the server is killed with SIGKILL and restarted mid-meeting.
 * The report and its three files must tell exactly that.
 */
describe('attendance of a meeting, across drops, a roll call and a server crash', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let meetingId: string;
  let report: MeetingAttendanceReport;
  const clients: ProtocolClient[] = [];
  const ids: Record<string, string> = {};

  async function join(username: string): Promise<ProtocolClient> {
    const client = await ProtocolClient.connect(server.url, username);
    clients.push(client);
    await client.request('meeting:join', { meetingId });
    return client;
  }
  const row = (code: string): SiteAttendanceRow => report.sites.find((s) => s.siteId === ids[code])!;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await ServerProcess.create(db.url, {
      ATTENDANCE_GRACE_SECONDS: String(GRACE_S),
      QUALITY_SAMPLE_SECONDS: '1',
    });
    await server.start();
    // Starting in 2 s: two sites join before the start, one after it (late).
    const meeting = await createMeeting(db.prisma, {
      title: 'Họp trực tuyến về phòng chống thiên tai',
      siteCodes: ['15865', '15991', 'SO-YTE', 'TINH'],
      startsAt: new Date(Date.now() + 2000),
    });
    meetingId = meeting.meetingId;
    Object.assign(ids, meeting.siteIds);

    // Before the start: Hoằng Hóa and the Health department join; the operator opens a roll call.
    let hoangHoa = await join('15865');
    let soYte = await join('so-yte');
    const operator = await join('vanhanh');
    const rollCall = await operator.request('rollcall:start', { durationSeconds: 15 });
    await sleep(3000);
    // After the start: Hoằng Tiến joins, late.
    const hoangDao = await join('15991');
    await hoangHoa.request('rollcall:confirm', { rollCallId: rollCall.rollCallId });
    await hoangDao.request('rollcall:confirm', { rollCallId: rollCall.rollCallId });
    await hoangHoa.request('attendance:headcount', { headcount: 12 });
    await hoangDao.request('attendance:headcount', { headcount: 5 });
    await operator.request('attendance:headcount', { headcount: 8, siteId: ids['15991']! });

    // Hoằng Hóa's connection drops and comes back within a second: one presence.
    hoangHoa.close();
    await sleep(1000);
    hoangHoa = await join('15865');
    // The Health department drops and stays away past the grace period: two presences.
    soYte.close();
    await sleep((GRACE_S + 2) * 1000);
    soYte = await join('so-yte');
    await sleep(7000); // every site has a stored quality sample: proof of presence if the server dies

    // Power cut: the server dies without a word and starts again; the rooms rejoin.
    await server.kill();
    for (const client of clients) client.close();
    await server.start();
    hoangHoa = await join('15865');
    await join('15991');
    await join('so-yte');
    await sleep(1500);
    // Hoằng Hóa leaves for good, long before the planned end.
    await hoangHoa.request('meeting:leave', {});
    await sleep(500);

    const cookie = await login(server.url, 'vanphong');
    const response = await fetch(`${server.url}/api/meetings/${meetingId}/attendance`, { headers: { cookie } });
    expect(response.status).toBe(200);
    report = (await response.json()) as MeetingAttendanceReport;
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await server?.stop();
    await db?.drop();
  });

  it('merges a quick reconnection and the server restart into one presence', () => {
    const hoangHoa = row('15865');
    expect(hoangHoa.intervals).toHaveLength(1);
    expect(hoangHoa.reconnects).toBeGreaterThanOrEqual(2);
    expect(hoangHoa).toMatchObject({ attended: true, late: false, leftEarly: true, headcount: 12 });
    expect(row('15991').intervals).toHaveLength(1);
  });

  it('knows, after the restart, which rooms have come (the wall tells "left" from "not joined yet")', async () => {
    const attended = await new PrismaAttendanceStore(db.prisma).attendedSites(meetingId);
    expect([...attended].sort()).toEqual([ids['15865'], ids['15991'], ids['SO-YTE']].sort());
  });

  it('keeps two presences for a site that stayed away past the grace period', () => {
    const soYte = row('SO-YTE');
    expect(soYte.intervals).toHaveLength(2);
    const gap = new Date(soYte.intervals[1]!.from).getTime() - new Date(soYte.intervals[0]!.to).getTime();
    expect(gap).toBeGreaterThan(GRACE_S * 1000);
  });

  it('marks the late arrival, the headcount the operator corrected, and the absent site', () => {
    const hoangDao = row('15991');
    expect(hoangDao).toMatchObject({ late: true, headcount: 8, attended: true });
    expect(hoangDao.lateMinutes).toBeGreaterThan(0);
    expect(row('TINH')).toMatchObject({ attended: false, intervals: [], presentMinutes: 0 });
    expect(report.summary).toMatchObject({ invited: 4, attended: 3, absent: 1, late: 1, headcount: 20 });
  });

  it('keeps the roll call with the site that did not answer', () => {
    expect(report.rollCalls).toHaveLength(1);
    expect(report.rollCalls[0]!.confirmed).toBe(2);
    expect(row('15865').rollCalls[0]).not.toBeNull();
    expect(row('SO-YTE').rollCalls).toEqual([null]);
  });

  it('exports the same numbers as CSV, XLSX and PDF', async () => {
    const cookie = await login(server.url, 'vanphong');
    const fetchFile = async (ext: string) => {
      const response = await fetch(`${server.url}/api/meetings/${meetingId}/attendance.${ext}`, { headers: { cookie } });
      expect(response.status).toBe(200);
      return Buffer.from(await response.arrayBuffer());
    };

    const csv = (await fetchFile('csv')).toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csv).toHaveLength(5);
    const header = csv[0]!.split(',');
    const soYteLine = csv.find((line) => line.includes('SO-YTE'))!.split(',');
    expect(soYteLine[header.indexOf('Điểm danh 1')]).toBe('Không trả lời');
    expect(csv.find((line) => line.includes('TINH'))!.split(',')[header.indexOf('Tham dự')]).toBe('Vắng');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fetchFile('xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const headerRow = sheet.getRow(5).values as unknown[];
    const codeColumn = headerRow.indexOf('Mã');
    const headcountColumn = headerRow.indexOf('Số người dự');
    let hoangDaoHeadcount: unknown;
    sheet.eachRow((r) => {
      if (r.getCell(codeColumn).value === '15991') hoangDaoHeadcount = r.getCell(headcountColumn).value;
    });
    expect(hoangDaoHeadcount).toBe(8);

    const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pm-attendance-')), 'report.pdf');
    fs.writeFileSync(pdfFile, await fetchFile('pdf'));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO THAM DỰ CUỘC HỌP TRỰC TUYẾN');
    expect(text).toContain('Họp trực tuyến về phòng chống thiên tai');
    expect(text).toContain('Có mặt: 3');
    expect(text).toContain('Vắng: 1');
    expect(text).toContain('Không trả lời');
  });
});
