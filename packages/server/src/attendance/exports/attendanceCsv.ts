import type { MeetingAttendanceReport } from '@pm/shared';
import { attendanceColumns } from './reportColumns.js';

/** RFC 4180 CSV with a byte-order mark, so Excel opens the Vietnamese text as UTF-8. */
export function attendanceCsv(report: MeetingAttendanceReport): string {
  const columns = attendanceColumns(report);
  const cell = (value: string | number) => {
    const text = String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    columns.map((c) => cell(c.header)).join(','),
    ...report.sites.map((row) => columns.map((c) => cell(c.value(row))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
