import type { PrismaClient } from '../db/prismaClient.js';
import { recordedSpans } from './recordingStore.js';
import { Timeline } from './timeline.js';

/** The timelines of some meetings: their recordings' spans, or their scheduled starts. */
export async function loadTimelines(
  prisma: PrismaClient,
  meetings: ReadonlyArray<{ id: string; startsAt: Date }>,
): Promise<Map<string, Timeline>> {
  const spans = await recordedSpans(prisma, meetings.map((m) => m.id));
  return new Map(meetings.map((m) => [m.id, Timeline.of(m.startsAt, spans.get(m.id) ?? [])]));
}
