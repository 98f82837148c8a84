import { describe, expect, it } from 'vitest';
import { occurrences } from './recurrence.js';

const at = (iso: string) => new Date(iso);

describe('occurrences', () => {
  it('is the meeting alone without recurrence', () => {
    const first = { startsAt: at('2027-01-04T01:00:00Z'), endsAt: at('2027-01-04T03:00:00Z') };
    expect(occurrences(first, undefined)).toEqual([first]);
  });

  it('repeats weekly with the same duration', () => {
    const list = occurrences({ startsAt: at('2027-01-04T01:00:00Z'), endsAt: at('2027-01-04T03:30:00Z') }, { frequency: 'WEEKLY', count: 3 });
    expect(list.map((o) => o.startsAt.toISOString())).toEqual(['2027-01-04T01:00:00.000Z', '2027-01-11T01:00:00.000Z', '2027-01-18T01:00:00.000Z']);
    expect(list.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 2.5 * 3_600_000)).toBe(true);
  });

  it('repeats monthly on the same local day, the last day of shorter months', () => {
    // 31 January 08:00 in Hà Nội is 01:00 UTC.
    const list = occurrences({ startsAt: at('2027-01-31T01:00:00Z'), endsAt: at('2027-01-31T02:00:00Z') }, { frequency: 'MONTHLY', count: 4 });
    expect(list.map((o) => o.startsAt.toISOString())).toEqual([
      '2027-01-31T01:00:00.000Z',
      '2027-02-28T01:00:00.000Z',
      '2027-03-31T01:00:00.000Z',
      '2027-04-30T01:00:00.000Z',
    ]);
  });

  it('keeps the local date when the UTC date differs (a meeting at 06:30 local is the previous day in UTC)', () => {
    // 1 March 06:30 local = 28 February 23:30 UTC.
    const list = occurrences({ startsAt: at('2027-02-28T23:30:00Z'), endsAt: at('2027-03-01T00:30:00Z') }, { frequency: 'MONTHLY', count: 2 });
    expect(list[1]!.startsAt.toISOString()).toBe('2027-03-31T23:30:00.000Z');
  });
});
