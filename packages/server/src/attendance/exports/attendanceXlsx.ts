import type { MeetingAttendanceReport } from '@pm/shared';
import ExcelJS from 'exceljs';
import { attendanceColumns, summaryLines } from './reportColumns.js';

/** The attendance report as a workbook: a title, the summary, then one row per invited site. */
export async function attendanceXlsx(report: MeetingAttendanceReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hệ thống họp trực tuyến tỉnh Thanh Hóa';
  const sheet = workbook.addWorksheet('Điểm danh', { views: [{ state: 'frozen', ySplit: 5 }] });
  const columns = attendanceColumns(report);
  sheet.columns = columns.map((c) => ({ width: c.width * 1.2 }));

  sheet.addRow([`BÁO CÁO THAM DỰ: ${report.meeting.title}`]).font = { bold: true, size: 14 };
  for (const line of summaryLines(report)) sheet.addRow([line]);
  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (const row of report.sites) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.autoFilter = { from: { row: 5, column: 1 }, to: { row: 5, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
