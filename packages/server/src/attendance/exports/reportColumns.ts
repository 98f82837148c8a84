import type { MeetingAttendanceReport, SiteAttendanceRow } from '@pm/shared';

/** Dates and times as Vietnamese officials write them, in the province's time zone. */
const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  return new Date(iso).toLocaleTimeString('vi-VN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
/** "08:30 07/12/2026": the year in four digits, as documents write it, on the 24-hour clock. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', {
    timeZone: TIME_ZONE,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

export interface Column {
  header: string;
  /** Relative width, for the PDF and the workbook. */
  width: number;
  value(row: SiteAttendanceRow): string | number;
}

const yes = (flag: boolean) => (flag ? 'Có' : '');

/**
 * The columns of the attendance report, shared by the CSV, the workbook and the PDF, so the three
 * files always say the same thing.
 */
export function attendanceColumns(report: MeetingAttendanceReport): Column[] {
  return [
    { header: 'Đơn vị', width: 14, value: (r) => r.groupName },
    { header: 'Điểm cầu', width: 24, value: (r) => r.siteName },
    { header: 'Mã', width: 14, value: (r) => r.siteCode },
    { header: 'Tham dự', width: 7, value: (r) => (r.attended ? 'Có mặt' : 'Vắng') },
    { header: 'Vào lúc', width: 8, value: (r) => formatTime(r.firstJoin) },
    { header: 'Rời lúc', width: 8, value: (r) => formatTime(r.lastLeave) },
    { header: 'Có mặt (phút)', width: 7, value: (r) => r.presentMinutes },
    { header: 'Tỷ lệ (%)', width: 6, value: (r) => r.presencePct },
    { header: 'Đến muộn (phút)', width: 7, value: (r) => r.lateMinutes ?? '' },
    { header: 'Về sớm', width: 5, value: (r) => yes(r.leftEarly) },
    { header: 'Kết nối lại', width: 6, value: (r) => r.reconnects },
    { header: 'Số người dự', width: 6, value: (r) => r.headcount ?? '' },
    ...report.rollCalls.map(
      (_rc, i): Column => ({
        header: `Điểm danh ${i + 1}`,
        width: 8,
        value: (r) => (r.rollCalls[i] ? formatTime(r.rollCalls[i]) : 'Không trả lời'),
      }),
    ),
    { header: 'Trễ TB (ms)', width: 6, value: (r) => r.quality.avgRttMs ?? '' },
    { header: 'Mất gói TB (%)', width: 6, value: (r) => r.quality.avgLossPct ?? '' },
    { header: 'Người vận hành', width: 14, value: (r) => r.operatedBy ?? '' },
  ];
}

export function summaryLines(report: MeetingAttendanceReport): string[] {
  const s = report.summary;
  return [
    `Thời gian: ${formatDateTime(report.meeting.startsAt)} – ${formatDateTime(report.meeting.endsAt)}`,
    `Điểm cầu được mời: ${s.invited} · Có mặt: ${s.attended} · Vắng: ${s.absent} · Đến muộn: ${s.late} · Về sớm: ${s.leftEarly}`,
    `Tổng số người dự: ${s.headcount} · Số lần điểm danh: ${report.rollCalls.length}`,
  ];
}
