import type { Identity, MinutesLive } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { floorSpeaker, type RunningMeetings } from '../recording/runningMeetings.js';
import { assertMeetingVisible } from './minutesAccess.js';
import { loadTimelines } from './timelines.js';

/**
 * What the minutes screen polls while the meeting runs: who has the floor (the speaker a new
 * entry is stamped with), where "now" is on the timeline, and whether the entries changed.
 */
export async function minutesLive(prisma: PrismaClient, running: RunningMeetings, identity: Identity, meetingId: string): Promise<MinutesLive> {
  await assertMeetingVisible(prisma, identity, meetingId);
  const meeting = await prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, select: { id: true, startsAt: true } });
  const [live, timelines, entries] = await Promise.all([
    running.find(meetingId),
    loadTimelines(prisma, [meeting]),
    prisma.minutesEntry.aggregate({ where: { meetingId }, _count: true, _max: { updatedAt: true } }),
  ]);
  const timeline = timelines.get(meetingId)!;
  return {
    live: !!live,
    speaker: live ? floorSpeaker(live) : null,
    timeline: { base: timeline.base, nowOffsetMs: timeline.offsetOf(new Date()) },
    entriesRevision: `${entries._count}:${entries._max.updatedAt?.getTime() ?? 0}`,
  };
}
