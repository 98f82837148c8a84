import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashPassword } from '@pm/server/auth/passwords.ts';
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

/** Password of every account a bot fleet signs in with (on its own throw-away database). */
export const BOT_PASSWORD = 'Bot-fleet@2026';

export interface SiteAccount {
  siteId: string;
  siteCode: string;
  username: string;
  password: string;
}

/**
 * One SITE account per site, for bots. The seed makes only a few site accounts; the missing ones
 * are created as `bench-<site code>`, and the seeded ones get the bots' password. Every account
 * shares one argon2id hash, computed once: hashing 348 times would take a minute of CPU.
 */
export async function provisionSiteAccounts(prisma: PrismaClient, siteIds: string[]): Promise<SiteAccount[]> {
  const passwordHash = await hashPassword(BOT_PASSWORD);
  const sites = await prisma.site.findMany({
    where: { id: { in: siteIds } },
    select: { id: true, code: true, account: { select: { id: true } } },
  });
  await prisma.user.updateMany({
    where: { siteId: { in: sites.filter((s) => s.account).map((s) => s.id) } },
    data: { passwordHash },
  });
  await prisma.user.createMany({
    data: sites
      .filter((s) => !s.account)
      .map((s) => ({
        username: `bench-${s.code.toLowerCase()}`,
        passwordHash,
        displayName: `Bot ${s.code}`,
        role: 'SITE' as const,
        siteId: s.id,
      })),
  });
  const accounts = await prisma.user.findMany({
    where: { siteId: { in: siteIds } },
    select: { username: true, site: { select: { id: true, code: true } } },
  });
  return accounts.flatMap(({ username, site }) =>
    site ? [{ siteId: site.id, siteCode: site.code, username, password: BOT_PASSWORD }] : [],
  );
}

/** Schedules a meeting running now, chaired by `chairUsername`, with `siteIds` invited. */
export async function scheduleMeeting(
  prisma: PrismaClient,
  { title, chairUsername, siteIds }: { title: string; chairUsername: string; siteIds: string[] },
): Promise<string> {
  const chair = await prisma.user.findUniqueOrThrow({ where: { username: chairUsername } });
  const meeting = await prisma.meeting.create({
    data: {
      title,
      chairUserId: chair.id,
      startsAt: new Date(Date.now() - 5 * 60_000),
      endsAt: new Date(Date.now() + 3 * 60 * 60_000),
      invitations: { create: siteIds.map((siteId) => ({ siteId })) },
    },
  });
  return meeting.id;
}

/** Ids of `count` sites in code order, skipping `exclude` (e.g. the site a browser plays). */
export async function pickSites(prisma: PrismaClient, count: number, exclude: string[] = []): Promise<string[]> {
  const sites = await prisma.site.findMany({
    where: { disabled: false, id: { notIn: exclude } },
    orderBy: { code: 'asc' },
    take: count,
    select: { id: true },
  });
  if (sites.length < count) throw new Error(`only ${sites.length} sites available, ${count} wanted`);
  return sites.map((s) => s.id);
}
