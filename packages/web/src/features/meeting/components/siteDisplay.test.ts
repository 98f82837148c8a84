import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatTime } from './siteDisplay';

describe('moments of the meeting on the staff screens', () => {
  // Whatever zone the browser's machine is set to (here: far from Vietnam), the province's time is shown.
  const machineZone = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'America/New_York';
  });
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it('states a request’s or an alert’s time in the province’s time, to the second', () => {
    expect(formatTime(Date.parse('2026-12-07T06:13:04.000Z'), 'vi')).toBe('13:13:04');
    expect(formatTime(Date.parse('2026-12-07T23:05:09.000Z'), 'en')).toBe('06:05:09');
  });
});
