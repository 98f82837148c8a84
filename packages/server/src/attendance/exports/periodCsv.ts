import type { AttendancePeriodReport, AttendanceRateRow } from '@pm/shared';
import { shortDay } from '../../util/provinceCalendar.js';
import { csvDocument } from '../../util/csv.js';

/**
 * Attendance over a period as CSV, the tables the screen shows: the units first, then the site
 * groups (a site counts in each of its groups), then every site with its unit, each ranked the
 * most missed first.
 */
export function periodCsv(report: AttendancePeriodReport): string {
  const rate = (r: AttendanceRateRow) => [r.invited, r.attended, r.missed, r.late, r.attendancePct];
  return csvDocument([
    [`Tỷ lệ tham dự từ ${shortDay(report.from)} đến ${shortDay(report.to)}`, `${report.meetings} cuộc họp`],
    ['Cấp', 'Tên', 'Thuộc', 'Được mời', 'Tham dự', 'Vắng', 'Đến muộn', 'Tỷ lệ tham dự (%)'],
    ...report.units.map((u) => ['Đơn vị', u.name, '', ...rate(u)]),
    ...report.groups.map((g) => ['Nhóm điểm cầu', g.name, '', ...rate(g)]),
    ...report.sites.map((s) => ['Điểm cầu', s.name, s.groupName, ...rate(s)]),
  ]);
}
