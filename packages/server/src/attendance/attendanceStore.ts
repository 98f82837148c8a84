import type { PrismaClient } from '../db/prismaClient.js';
import type { QualityFigures } from '@pm/shared';
import type { QualityStore } from './qualityMonitor.js';
import type { RollCallStore } from './rollCalls.js';

export type PresenceKind = 'JOIN' | 'LEAVE' | 'DISCONNECT';

/** Everything attendance writes, in PostgreSQL. */
export class PrismaAttendanceStore implements QualityStore, RollCallStore {
  constructor(private readonly prisma: PrismaClient) {}

  async presence(meetingId: string, siteId: string, kind: PresenceKind, userId: string | null, at: Date): Promise<void> {
    await this.prisma.presenceEvent.create({ data: { meetingId, siteId, kind, userId, at } });
  }

  async store(meetingId: string, siteId: string, f: QualityFigures, at: Date): Promise<void> {
    await this.prisma.qualitySample.create({ data: { meetingId, siteId, at, ...f } });
  }

  async createRollCall(meetingId: string, startedByUserId: string, startedAt: Date, deadline: Date): Promise<string> {
    const rollCall = await this.prisma.rollCall.create({ data: { meetingId, startedByUserId, startedAt, deadline } });
    return rollCall.id;
  }

  async confirmRollCall(rollCallId: string, siteId: string, userId: string, at: Date): Promise<void> {
    await this.prisma.rollCallAnswer.upsert({
      where: { rollCallId_siteId: { rollCallId, siteId } },
      create: { rollCallId, siteId, userId, confirmedAt: at },
      update: {},
    });
  }

  async setHeadcount(meetingId: string, siteId: string, headcount: number): Promise<void> {
    const data = { headcount, headcountUpdatedAt: new Date() };
    await this.prisma.siteAttendance.upsert({
      where: { meetingId_siteId: { meetingId, siteId } },
      create: { meetingId, siteId, ...data },
      update: data,
    });
  }

  async headcount(meetingId: string, siteId: string): Promise<number | null> {
    const row = await this.prisma.siteAttendance.findUnique({ where: { meetingId_siteId: { meetingId, siteId } } });
    return row?.headcount ?? null;
  }
}
