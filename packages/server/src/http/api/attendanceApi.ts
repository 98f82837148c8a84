import { attendanceCsv } from '../../attendance/exports/attendanceCsv.js';
import { attendancePdf } from '../../attendance/exports/attendancePdf.js';
import { attendanceXlsx } from '../../attendance/exports/attendanceXlsx.js';
import { periodCsv } from '../../attendance/exports/periodCsv.js';
import { meetingAttendanceReport } from '../../attendance/meetingReport.js';
import { attendancePeriodReport } from '../../attendance/periodReport.js';
import { ScheduleReader } from '../../meetings/schedule/scheduleReader.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

type AttendanceRoutes =
  | 'attendance.meeting'
  | 'attendance.meetingCsv'
  | 'attendance.meetingXlsx'
  | 'attendance.meetingPdf'
  | 'attendance.period'
  | 'attendance.periodCsv';

/** Attendance reports: one meeting (screen and three files) and a period across meetings (screen and CSV). */
export function attendanceApi({ prisma, checkInWindowMs, attendanceGraceMs }: ApiDeps): HandlerGroup<AttendanceRoutes> {
  const schedule = new ScheduleReader(prisma, checkInWindowMs);
  // The meeting must be one the caller may read; the report is then derived from the records.
  const report = async (identity: Parameters<ScheduleReader['get']>[0], meetingId: string) => {
    await schedule.get(identity, meetingId);
    return meetingAttendanceReport(prisma, meetingId, attendanceGraceMs);
  };
  const fileName = (id: string, ext: string) => `diem-danh-${id}.${ext}`;
  return {
    'attendance.meeting': async ({ identity, params }) => report(identity, params.id!),
    'attendance.meetingCsv': async ({ identity, params, res }) => {
      res.attachment(fileName(params.id!, 'csv'));
      return attendanceCsv(await report(identity, params.id!));
    },
    'attendance.meetingXlsx': async ({ identity, params, res }) => {
      res.attachment(fileName(params.id!, 'xlsx'));
      return attendanceXlsx(await report(identity, params.id!));
    },
    'attendance.meetingPdf': async ({ identity, params, res }) => {
      res.attachment(fileName(params.id!, 'pdf'));
      return attendancePdf(await report(identity, params.id!));
    },
    'attendance.period': async ({ identity, query }) => attendancePeriodReport(prisma, identity, query),
    'attendance.periodCsv': async ({ identity, query, res }) => {
      res.attachment(`ty-le-tham-du-${query.from}-${query.to}.csv`);
      return periodCsv(await attendancePeriodReport(prisma, identity, query));
    },
  };
}
