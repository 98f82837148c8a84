import type { PrismaClient } from '../db/prismaClient.js';
import type { QualityRow, QualityStore } from './qualityMonitor.js';
import type { RollCallStore } from './rollCalls.js';

export type PresenceKind = 'JOIN' | 'LEAVE' | 'DISCONNECT';

/** Everything a live meeting's attendance writes. */
export interface AttendanceStore extends QualityStore, RollCallStore {
  presence(meetingId: string, siteId: string, kind: PresenceKind, userId: string | null, at: Date): Promise<void>;
  setHeadcount(meetingId: string, siteId: string, headcount: number): Promise<void>;
  /** Headcounts declared earlier (a restart in the middle of the meeting keeps them). */
  headcounts(meetingId: string): Promise<Map<string, number>>;
  /** The sites that have joined the meeting so far (on any node). */
  attendedSites(meetingId: string): Promise<Set<string>>;
}

/** Everything attendance writes, in PostgreSQL. */
export class PrismaAttendanceStore implements AttendanceStore {
  constructor(private readonly prisma: PrismaClient) {}

  async presence(meetingId: string, siteId: string, kind: PresenceKind, userId: string | null, at: Date): Promise<void> {
    await this.prisma.presenceEvent.create({ data: { meetingId, siteId, kind, userId, at } });
  }

  async storeQuality(meetingId: string, rows: QualityRow[], at: Date): Promise<void> {
    await this.prisma.qualitySample.createMany({ data: rows.map(({ siteId, figures }) => ({ meetingId, siteId, at, ...figures })) });
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

  async headcounts(meetingId: string): Promise<Map<string, number>> {
    const rows = await this.prisma.siteAttendance.findMany({ where: { meetingId, headcount: { not: null } } });
    return new Map(rows.map((row) => [row.siteId, row.headcount!]));
  }

  async attendedSites(meetingId: string): Promise<Set<string>> {
    const rows = await this.prisma.presenceEvent.findMany({ where: { meetingId, kind: 'JOIN' }, select: { siteId: true } });
    return new Set(rows.map((row) => row.siteId));
  }
}
