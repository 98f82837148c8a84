import type { Identity, MinutesDocument } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { DirectoryAt } from '../directory/directoryAt.js';
import { directiveInclude, presentDirectives } from '../directives/directiveRecord.js';
import { meetingEnd } from '../meetings/meetingEnd.js';
import { assertMeetingVisible } from '../meetings/schedule/meetingAccess.js';
import { currentEntries, entryInclude, toMinutesEntry } from './minutesEntries.js';
import type { MinutesSettingsStore } from './minutesSettings.js';
import { loadTimelines } from '../recording/timelines.js';

/**
 * A meeting's minutes as a whole: particulars, agenda, entries in time order, directives. Rooms
 * bear the names they had on the meeting's day.
 */
export async function minutesDocument(
  prisma: PrismaClient,
  settings: MinutesSettingsStore,
  identity: Identity,
  meetingId: string,
): Promise<MinutesDocument> {
  await assertMeetingVisible(prisma, identity, meetingId);
  const meeting = await prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: {
      chair: { select: { displayName: true } },
      agenda: { orderBy: { position: 'asc' }, select: { position: true, title: true } },
      invitations: { select: { site: { select: { id: true, name: true, unitId: true } } } },
    },
  });
  const [timelines, entries, directives, documentSettings] = await Promise.all([
    loadTimelines(prisma, [meeting]),
    prisma.minutesEntry.findMany({ where: { meetingId, ...currentEntries }, include: entryInclude, orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] }),
    prisma.directive.findMany({ where: { meetingId }, include: directiveInclude, orderBy: [{ at: 'asc' }, { createdAt: 'asc' }] }),
    settings.get(meetingId),
  ]);
  const timeline = timelines.get(meetingId)!;
  const then = await DirectoryAt.load(prisma, meeting.startsAt);
  const sites = meeting.invitations
    .map(({ site }) => ({ id: site.id, name: then.site(site).name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: meetingEnd(meeting).toISOString(),
      chairName: meeting.chair?.displayName ?? null,
    },
    settings: documentSettings,
    timeline: { base: timeline.base, startedAt: timeline.startedAt.toISOString() },
    agenda: meeting.agenda,
    sites,
    entries: entries.map((row) => {
      const entry = toMinutesEntry(row, timeline);
      // A name typed by the secretary stands; a room's name is the one of the meeting's day.
      return row.speakerName === null && row.speakerSite ? { ...entry, speakerName: then.site(row.speakerSite).name } : entry;
    }),
    directives: await presentDirectives(prisma, directives),
  };
}
