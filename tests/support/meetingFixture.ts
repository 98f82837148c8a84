import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrismaClient } from '@pm/server/db/prismaClient.ts';

export interface MeetingFixture {
  meetingId: string;
  siteIds: Record<string, string>;
  unitIds: Record<string, string>;
}

/**
 * A meeting chaired by `chutich`, running now, inviting seeded sites by code, with an agenda;
 * and the ids of those sites and of the units named, so tests speak in readable codes.
 */
export async function createMeeting(
  prisma: PrismaClient,
  options: { title: string; siteCodes: string[]; agenda?: string[]; unitCodes?: string[]; startsAt?: Date },
): Promise<MeetingFixture> {
  const chair = await prisma.user.findUniqueOrThrow({ where: { username: 'chutich' } });
  const sites = await prisma.site.findMany({ where: { code: { in: options.siteCodes } } });
  const units = await prisma.unit.findMany({ where: { code: { in: options.unitCodes ?? [] } } });
  const startsAt = options.startsAt ?? new Date(Date.now() - 60_000);
  const meeting = await prisma.meeting.create({
    data: {
      title: options.title,
      chairUserId: chair.id,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      invitations: { create: sites.map((s) => ({ siteId: s.id })) },
      agenda: { create: (options.agenda ?? []).map((title, i) => ({ title, position: i + 1, plannedMinutes: 20 })) },
    },
  });
  return {
    meetingId: meeting.id,
    siteIds: Object.fromEntries(sites.map((s) => [s.code, s.id])),
    unitIds: Object.fromEntries(units.map((u) => [u.code, u.id])),
  };
}

/** A PM_DATA_DIR of the test's own (attachments, recordings), removed by the caller. */
export function scratchDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pm-data-'));
}
