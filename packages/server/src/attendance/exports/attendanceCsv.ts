import type { MeetingAttendanceReport } from '@pm/shared';
import { csvText } from './csvText.js';
import { attendanceColumns } from './reportColumns.js';

/** The meeting's attendance report as CSV: the columns of the workbook and the PDF. */
export function attendanceCsv(report: MeetingAttendanceReport): string {
  const columns = attendanceColumns(report);
  return csvText([columns.map((c) => c.header), ...report.sites.map((row) => columns.map((c) => c.value(row)))]);
}
