import type { MeetingAttendanceReport } from '@pm/shared';
import { csvDocument } from '../../util/csv.js';
import { attendanceColumns } from './reportColumns.js';

/** The attendance report as CSV: names typed by users are kept as text, never run as formulas. */
export function attendanceCsv(report: MeetingAttendanceReport): string {
  const columns = attendanceColumns(report);
  return csvDocument([columns.map((c) => c.header), ...report.sites.map((row) => columns.map((c) => c.value(row)))]);
}
