import { describe, expect, it } from 'vitest';
import { clockTime, provinceDay, vietnameseDate, vietnameseTime } from './provinceCalendar.js';

describe('the province calendar', () => {
  it('writes dates as Decree 30 does: a leading zero on days below 10 and on the months 1 and 2', () => {
    expect(vietnameseDate(new Date('2026-12-07T02:00:00Z'))).toBe('ngày 07 tháng 12 năm 2026');
    expect(vietnameseDate(new Date('2027-02-05T02:00:00Z'))).toBe('ngày 05 tháng 02 năm 2027');
    expect(vietnameseDate(new Date('2027-01-15T02:00:00Z'))).toBe('ngày 15 tháng 01 năm 2027');
    expect(vietnameseDate(new Date('2027-03-29T02:00:00Z'))).toBe('ngày 29 tháng 3 năm 2027');
    expect(vietnameseDate(new Date('2027-11-30T02:00:00Z'))).toBe('ngày 30 tháng 11 năm 2027');
  });

  it("takes the day and the time in the province's zone (UTC+7), not UTC", () => {
    const earlyMorning = new Date('2026-12-06T23:30:00Z'); // 06:30 on 7 December in Thanh Hóa
    expect(provinceDay(earlyMorning)).toBe('2026-12-07');
    expect(vietnameseDate(earlyMorning)).toBe('ngày 07 tháng 12 năm 2026');
    expect(clockTime(earlyMorning)).toBe('06:30');
    expect(vietnameseTime(earlyMorning)).toBe('06 giờ 30 phút');
  });
});
