import type { ScheduledMeetingDetail } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, meetingInvitationIcs } from './ics.js';

const meeting: ScheduledMeetingDetail = {
  id: 'm1',
  title: 'Họp UBND tỉnh thường kỳ tháng 1; kinh tế, xã hội',
  kind: 'REGULAR',
  status: 'SCHEDULED',
  chair: { id: 'u1', displayName: 'Chủ tịch UBND tỉnh' },
  startsAt: '2027-01-04T01:00:00.000Z',
  endsAt: '2027-01-04T03:30:00.000Z',
  checkInOpensAt: '2027-01-04T00:30:00.000Z',
  agenda: [{ position: 1, title: 'Tình hình kinh tế – xã hội', presentingUnitId: 'x', presentingUnitName: 'Sở Tài chính', plannedMinutes: 30 }],
  siteCount: 2,
  seriesId: null,
  recurrence: null,
  revision: 3,
  cancelReason: null,
  updatedAt: '2027-01-01T00:00:00.000Z',
  recorded: false,
  endedAt: null,
  sites: [],
};

describe('iCalendar invitation', () => {
  const ics = meetingInvitationIcs(meeting, 'https://hop.thanhhoa.gov.vn', new Date('2027-01-01T00:00:00Z'));

  it('uses CRLF line ends and keeps every line within 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('describes the event in UTC with a sequence that follows the revision', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DTSTART:20270104T010000Z\r\n');
    expect(unfolded).toContain('DTEND:20270104T033000Z\r\n');
    expect(unfolded).toContain('SEQUENCE:2\r\n');
    expect(unfolded).toContain('UID:m1@province-meet\r\n');
    expect(unfolded).toContain('SUMMARY:Họp UBND tỉnh thường kỳ tháng 1\\; kinh tế\\, xã hội\r\n');
    expect(unfolded).toContain('1. Tình hình kinh tế – xã hội — Sở Tài chính (30 phút)');
    expect(unfolded).toContain('STATUS:CONFIRMED');
  });

  it('marks a cancelled meeting', () => {
    const cancelled = meetingInvitationIcs({ ...meeting, status: 'CANCELLED', cancelReason: 'Hoãn' }, 'http://x');
    expect(cancelled).toContain('STATUS:CANCELLED');
  });

  it('escapes backslashes, separators and new lines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'Hội nghị '.repeat(20)}`);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, 'utf8').toString('utf8')).toBe(part);
    }
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`SUMMARY:${'Hội nghị '.repeat(20)}`);
  });
});
