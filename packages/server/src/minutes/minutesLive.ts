import { CodedError, type Identity, type MinutesLive, type NamedRef } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import { assertMayWriteRecords, assertMeetingVisible } from '../meetings/schedule/meetingAccess.js';
import { loadTimelines } from '../recording/timelines.js';
import { currentEntries } from './minutesEntries.js';

/** The meetings running on this node. */
export interface RunningMeetings {
  running(meetingId: string): Promise<LiveMeeting | undefined>;
}

/**
 * What the minutes screen polls while the meeting runs: who has the floor and the agenda item
 * under discussion (what a new entry is stamped with), where "now" is on the timeline, and whether the entries changed.
 */
export async function minutesLive(prisma: PrismaClient, running: RunningMeetings, identity: Identity, meetingId: string): Promise<MinutesLive> {
  await assertMeetingVisible(prisma, identity, meetingId);
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, startsAt: true } });
  const [live, timelines, entries] = await Promise.all([
    running.running(meetingId),
    loadTimelines(prisma, [meeting]),
    prisma.minutesEntry.aggregate({ where: { meetingId, ...currentEntries }, _count: true, _max: { updatedAt: true } }),
  ]);
  const timeline = timelines.get(meetingId)!;
  return {
    live: !!live,
    speaker: live ? floorSpeaker(live) : null,
    agendaItem: live?.currentAgendaItem ?? null,
    timeline: { base: timeline.base, nowOffsetMs: timeline.offsetOf(new Date()) },
    entriesRevision: `${entries._count}:${entries._max.updatedAt?.getTime() ?? 0}`,
  };
}

/**
 * The meeting's secretary names the agenda item under discussion from the minutes screen, as the
 * chair does from the console (issue 13 §1): allowed to whoever may write these minutes, while the
 * meeting runs on this node; every room is told.
 */
export async function setMinutesAgendaItem(
  prisma: PrismaClient,
  running: RunningMeetings,
  identity: Identity,
  meetingId: string,
  position: number | null,
): Promise<{ position: number | null }> {
  await assertMayWriteRecords(prisma, identity, meetingId);
  const live = await running.running(meetingId);
  if (!live) throw new CodedError('CONFLICT', 'the meeting is not running');
  live.moveToAgendaItem(position);
  return { position: live.currentAgendaItem };
}

/** The site holding the floor, named as the meeting's plan names it. */
function floorSpeaker(meeting: LiveMeeting): NamedRef | null {
  const siteId = meeting.floorHolder();
  return siteId ? { id: siteId, name: meeting.siteName(siteId) ?? siteId } : null;
}
