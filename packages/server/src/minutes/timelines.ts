import type { PrismaClient } from '../db/prismaClient.js';
import { Timeline } from './timeline.js';

/** The timelines of some meetings, each from its scheduled start (recordings come in later). */
export async function loadTimelines(
  _prisma: PrismaClient,
  meetings: ReadonlyArray<{ id: string; startsAt: Date }>,
): Promise<Map<string, Timeline>> {
  return new Map(meetings.map((m) => [m.id, Timeline.of(m.startsAt, [])]));
}
