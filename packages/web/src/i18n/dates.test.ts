import { describe, expect, it } from 'vitest';
import { formatDateTime, formatSpan } from './dates';

// 08:00 on Monday 4 January 2027 in Thanh Hóa (UTC+7); 06:30 on Sunday 6 December 2026.
const MONDAY_8 = '2027-01-04T01:00:00.000Z';
const SUNDAY_EARLY = '2026-12-05T23:30:00.000Z';

describe('meeting times as officials read them', () => {
  it('writes the time, then the weekday and dd/mm/yyyy, in the province’s time zone', () => {
    expect(formatDateTime(MONDAY_8, 'vi')).toBe('08:00, thứ Hai 04/01/2027');
    // Still Saturday in UTC: the day is the province's.
    expect(formatDateTime(SUNDAY_EARLY, 'vi')).toBe('06:30, chủ nhật 06/12/2026');
    expect(formatDateTime(MONDAY_8, 'en')).toBe('Monday, 4 January 2027 at 08:00');
  });

  it('gives a meeting’s span its day once when it ends the same day', () => {
    expect(formatSpan(MONDAY_8, '2027-01-04T03:30:00.000Z', 'vi')).toBe('08:00 – 10:30, thứ Hai 04/01/2027');
    expect(formatSpan(MONDAY_8, '2027-01-05T03:30:00.000Z', 'vi')).toBe('08:00, thứ Hai 04/01/2027 – 10:30, thứ Ba 05/01/2027');
    expect(formatSpan(MONDAY_8, '2027-01-04T03:30:00.000Z', 'en')).toBe('Monday, 4 January 2027 at 08:00 – 10:30');
  });
});
