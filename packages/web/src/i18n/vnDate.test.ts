import { describe, expect, it } from 'vitest';
import { fromVnDate, fromVnTime, toVnDate } from './vnDate';

describe('dates and times typed the Vietnamese way', () => {
  it('shows a date as dd/mm/yyyy and reads it back, leading zeros or not', () => {
    expect(toVnDate('2026-12-07')).toBe('07/12/2026');
    expect(toVnDate('')).toBe('');
    expect(fromVnDate('07/12/2026')).toBe('2026-12-07');
    expect(fromVnDate('7/2/2027')).toBe('2027-02-07');
    expect(fromVnDate(' 7.2.2027 ')).toBe('2027-02-07');
  });

  it('reads day before month, and refuses what is no date (no American month-first guess)', () => {
    expect(fromVnDate('12/07/2026')).toBe('2026-07-12');
    expect(fromVnDate('31/02/2027')).toBeUndefined();
    expect(fromVnDate('13/13/2026')).toBeUndefined();
    expect(fromVnDate('2026-12-07')).toBeUndefined();
  });

  it('reads a 24-hour time, with ":" or "h"', () => {
    expect(fromVnTime('8:05')).toBe('08:05');
    expect(fromVnTime('14h30')).toBe('14:30');
    expect(fromVnTime('23:59')).toBe('23:59');
    expect(fromVnTime('24:00')).toBeUndefined();
    expect(fromVnTime('2:30 PM')).toBeUndefined();
  });
});
