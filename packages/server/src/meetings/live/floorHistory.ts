import type { PrismaClient } from '../../db/prismaClient.js';

export interface StoredFloorTurn {
  siteId: string | null;
  siteName: string | null;
  at: Date;
}

/**
 * Who held the floor when, written by the live meeting at every change of holder (null: the floor
 * back with the chair). The minutes and the review page read it.
 */
export interface FloorHistory {
  turn(meetingId: string, siteId: string | null, at: Date): Promise<void>;
  turns(meetingId: string): Promise<StoredFloorTurn[]>;
}

export class PrismaFloorHistory implements FloorHistory {
  constructor(private readonly prisma: PrismaClient) {}

  async turn(meetingId: string, siteId: string | null, at: Date): Promise<void> {
    await this.prisma.floorTurn.create({ data: { meetingId, siteId, at } });
  }

  async turns(meetingId: string): Promise<StoredFloorTurn[]> {
    const rows = await this.prisma.floorTurn.findMany({
      where: { meetingId },
      orderBy: { at: 'asc' },
      include: { site: { select: { name: true } } },
    });
    return rows.map((t) => ({ siteId: t.siteId, siteName: t.site?.name ?? null, at: t.at }));
  }
}
