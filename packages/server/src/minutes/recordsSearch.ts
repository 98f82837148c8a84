import { foldText, type Identity, type RecordsSearch } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from '../directory/unitTree.js';
import { visibleMeetings } from '../meetings/schedule/meetingAccess.js';
import { loadTimelines } from '../recording/timelines.js';

const LIMIT = 30;
/** Vietnamese letters with their diacritics, and what they fold to (as `foldText` folds). */
const ACCENTED = 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ';
const PLAIN = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';
const FROM = ACCENTED + ACCENTED.toLocaleUpperCase('vi');
const TO = PLAIN + PLAIN;

/** SQL that folds a column as `foldText` folds the query: no case, no diacritics, "đ" as "d". */
const folded = (column: string) => `translate(lower(${column}), '${FROM}', '${TO}')`;

/**
 * Meetings by title, minutes entries and directives by their words, across the meetings the
 * account sees. Vietnamese typed without diacritics ("hoang hoa") finds "Hoằng Hóa": both sides
 * are folded, in PostgreSQL and in the query, the same way.
 */
export async function searchRecords(prisma: PrismaClient, identity: Identity, q: string): Promise<RecordsSearch> {
  const pattern = `%${foldText(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [meetingIds, entryIds, directiveIds] = await Promise.all([
    prisma.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM meetings WHERE ${folded('title')} LIKE $1 ORDER BY starts_at DESC LIMIT 200`, pattern),
    prisma.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM minutes_entries WHERE removed_at IS NULL AND ${folded('text')} LIKE $1 ORDER BY at DESC LIMIT 200`, pattern),
    prisma.$queryRawUnsafe<Array<{ id: string }>>(`SELECT id FROM directives WHERE ${folded('content')} LIKE $1 ORDER BY at DESC LIMIT 200`, pattern),
  ]);
  const visible = visibleMeetings(identity, await UnitTree.load(prisma));
  const meeting = { select: { id: true, title: true, startsAt: true } } as const;
  const [meetings, entries, directives] = await Promise.all([
    prisma.meeting.findMany({ where: { AND: [{ id: { in: meetingIds.map((r) => r.id) } }, visible] }, orderBy: { startsAt: 'desc' }, take: LIMIT }),
    prisma.minutesEntry.findMany({ where: { id: { in: entryIds.map((r) => r.id) }, meeting: visible }, include: { meeting }, orderBy: { at: 'desc' }, take: LIMIT }),
    prisma.directive.findMany({ where: { id: { in: directiveIds.map((r) => r.id) }, meeting: visible }, include: { meeting }, orderBy: { at: 'desc' }, take: LIMIT }),
  ]);
  const timelines = await loadTimelines(prisma, [...entries, ...directives].map((row) => row.meeting));
  const ref = (m: { id: string; title: string }) => ({ id: m.id, name: m.title });
  return {
    meetings: meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt.toISOString() })),
    entries: entries.map((e) => ({ meeting: ref(e.meeting), entryId: e.id, text: e.text, offsetMs: timelines.get(e.meetingId)!.offsetOf(e.at) })),
    directives: directives.map((d) => ({ meeting: ref(d.meeting), directiveId: d.id, content: d.content, offsetMs: timelines.get(d.meetingId)!.offsetOf(d.at) })),
  };
}
