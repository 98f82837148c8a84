import type { MeetingKind, ScheduledMeetingDetail } from '@pm/shared';

/*
 * An iCalendar (RFC 5545) invitation, written by hand: CRLF line ends, lines folded at 75 octets
 * without splitting a UTF-8 character, TEXT values escaped, times in UTC. SEQUENCE follows the
 * meeting's revision, so calendars replace an older copy of the same UID with a newer one.
 */

const KIND_NAMES: Record<MeetingKind, string> = {
  REGULAR: 'Họp thường kỳ',
  EXTRAORDINARY: 'Họp bất thường',
  THEMATIC: 'Họp chuyên đề',
};

export function meetingInvitationIcs(meeting: ScheduledMeetingDetail, baseUrl: string, now = new Date()): string {
  const cancelled = meeting.status === 'CANCELLED';
  const description = [
    KIND_NAMES[meeting.kind],
    ...(meeting.chair ? [`Chủ trì: ${meeting.chair.displayName}`] : []),
    ...(cancelled && meeting.cancelReason ? [`Đã hủy: ${meeting.cancelReason}`] : []),
    ...(meeting.agenda.length ? ['Chương trình:'] : []),
    ...meeting.agenda.map(
      (item) => `${item.position}. ${item.title}${item.presentingUnitName ? ` — ${item.presentingUnitName}` : ''} (${item.plannedMinutes} phút)`,
    ),
    `Số điểm cầu: ${meeting.siteCount}`,
  ].join('\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Province Meet//Lich hop truc tuyen//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${meeting.id}@province-meet`,
    `SEQUENCE:${meeting.revision - 1}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(new Date(meeting.startsAt))}`,
    `DTEND:${icsUtc(new Date(meeting.endsAt))}`,
    `SUMMARY:${escapeText(meeting.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${baseUrl}/meeting/${encodeURIComponent(meeting.id)}`,
    `STATUS:${cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(meeting.title)}`,
    'TRIGGER:-PT30M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** 2027-01-04T01:00:00.000Z → 20270104T010000Z */
function icsUtc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Splits a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
