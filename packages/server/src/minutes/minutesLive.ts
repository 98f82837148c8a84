import type { Identity, MinutesLive } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import type { RunningMeetings } from '../meetings/live/hostedMeetings.js';
import { assertMayWriteRecords, assertMeetingVisible } from '../meetings/schedule/meetingAccess.js';
import { loadTimelines } from '../recording/timelines.js';
import { currentEntries } from './minutesEntries.js';

/**
 * What the minutes screen polls while the meeting runs: who has the floor and the agenda item
 * under discussion (what a new entry is stamped with), where "now" is on the timeline, and whether the entries changed.
 */
export async function minutesLive(prisma: PrismaClient, running: RunningMeetings, identity: Identity, meetingId: string): Promise<MinutesLive> {
  await assertMeetingVisible(prisma, identity, meetingId);
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, startsAt: true } });
  const [live, timelines, entries] = await Promise.all([
    running.view(meetingId),
    loadTimelines(prisma, [meeting]),
    prisma.minutesEntry.aggregate({ where: { meetingId, ...currentEntries }, _count: true, _max: { updatedAt: true } }),
  ]);
  const timeline = timelines.get(meetingId)!;
  return {
    live: !!live,
    speaker: live?.speaker ?? null,
    agendaItem: live?.agendaItem ?? null,
    timeline: { base: timeline.base, nowOffsetMs: timeline.offsetOf(new Date()) },
    entriesRevision: `${entries._count}:${entries._max.updatedAt?.getTime() ?? 0}`,
  };
}

/**
 * The meeting's secretary names the agenda item under discussion from the minutes screen, as the
 * chair does from the console (issue 13 §1): allowed to whoever may write these minutes, while the
 * meeting runs (on whichever node hosts it); every room is told.
 */
export async function setMinutesAgendaItem(
  prisma: PrismaClient,
  running: RunningMeetings,
  identity: Identity,
  meetingId: string,
  position: number | null,
): Promise<{ position: number | null }> {
  await assertMayWriteRecords(prisma, identity, meetingId);
  return { position: await running.moveToAgendaItem(meetingId, position) };
}
