import type { RecordingStatus } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import type { RecordedSpan } from './timeline.js';

type State = 'RECORDING' | 'PAUSED' | 'STOPPED';
const stateName = { RECORDING: 'recording', PAUSED: 'paused', STOPPED: 'stopped' } as const;

export interface StoredPart {
  index: number;
  startedAt: Date;
  durationMs: number | null;
  pid: number | null;
  closed: boolean;
}

/** The recordings' rows: one per meeting, and its parts. */
export class RecordingStore {
  constructor(private readonly prisma: PrismaClient) {}

  async status(meetingId: string, now = new Date()): Promise<RecordingStatus> {
    const row = await this.prisma.recording.findUnique({ where: { meetingId }, include: { parts: { orderBy: { index: 'asc' } } } });
    if (!row) return { meetingId, state: 'idle', startedAt: null, durationMs: 0, playable: false };
    const durationMs = row.parts.reduce((sum, p) => sum + (p.durationMs ?? (p.closed ? 0 : Math.max(0, now.getTime() - p.startedAt.getTime()))), 0);
    return { meetingId, state: stateName[row.state], startedAt: row.startedAt.toISOString(), durationMs, playable: row.playable };
  }

  /** Marks the meeting recording (creating its recording the first time); returns the next part's index. */
  async begin(meetingId: string): Promise<number> {
    await this.prisma.recording.upsert({
      where: { meetingId },
      create: { meetingId, state: 'RECORDING', startedAt: new Date() },
      update: { state: 'RECORDING', playable: false },
    });
    const last = await this.prisma.recordingPart.aggregate({ where: { meetingId }, _max: { index: true } });
    return (last._max.index ?? 0) + 1;
  }

  async addPart(meetingId: string, index: number, startedAt: Date, pid: number | undefined): Promise<void> {
    await this.prisma.recordingPart.create({ data: { meetingId, index, startedAt, pid: pid ?? null } });
  }

  async closePart(meetingId: string, index: number): Promise<void> {
    await this.prisma.recordingPart.update({ where: { meetingId_index: { meetingId, index } }, data: { closed: true, pid: null } });
  }

  async setDuration(meetingId: string, index: number, durationMs: number): Promise<void> {
    await this.prisma.recordingPart.update({ where: { meetingId_index: { meetingId, index } }, data: { durationMs, closed: true } });
  }

  async setState(meetingId: string, state: State, playable = false): Promise<void> {
    await this.prisma.recording.update({ where: { meetingId }, data: { state, playable } });
  }

  async parts(meetingId: string): Promise<StoredPart[]> {
    return this.prisma.recordingPart.findMany({ where: { meetingId }, orderBy: { index: 'asc' } });
  }

  /** Recordings left unfinished by a crash (or a join that failed): to repair at start. */
  async unfinished(): Promise<string[]> {
    const rows = await this.prisma.recording.findMany({ where: { playable: false }, select: { meetingId: true } });
    return rows.map((r) => r.meetingId);
  }
}

/** The spans of recorded media of some meetings, for their timelines. */
export async function recordedSpans(prisma: PrismaClient, meetingIds: string[]): Promise<Map<string, RecordedSpan[]>> {
  const parts = await prisma.recordingPart.findMany({ where: { meetingId: { in: meetingIds } }, orderBy: { index: 'asc' } });
  const spans = new Map<string, RecordedSpan[]>();
  for (const part of parts) {
    const list = spans.get(part.meetingId) ?? [];
    list.push({ startedAt: part.startedAt, durationMs: part.durationMs ?? (part.closed ? 0 : null) });
    spans.set(part.meetingId, list);
  }
  return spans;
}
