/**
 * Seeds the demo province (seedData.ts, seedPlan.ts): 348 meeting rooms, the site groups and the
 * demo accounts.
 *
 * Idempotent and safe to run at every start, by several nodes at once: rows are matched by code
 * (units, sites, groups) or username (users) and only missing ones are inserted (INSERT … ON
 * CONFLICT DO NOTHING), so existing rows, including an operator's edits, a group's changed members
 * and users' changed passwords, are left as they are. Passwords are hashed only for accounts that
 * do not exist yet, and marked as published (the start banner prints them) until changed.
 */
import type { Logger } from 'pino';
import { hashPassword } from '../auth/passwords.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { DEFAULT_DEMO_PASSWORD } from './seedData.js';
import { type PlannedAccount, type PlannedGroup, planDemoDirectory } from './seedPlan.js';

export interface SeedOptions {
  /** Password for newly created demo accounts; default "Demo@2026". */
  password?: string;
}

/** How many of each the directory holds after seeding. */
export interface SeedSummary {
  units: number;
  sites: number;
  groups: number;
  users: number;
}

export async function seedDemoData(prisma: PrismaClient, options: SeedOptions, log: Logger): Promise<SeedSummary> {
  const startedAt = performance.now();
  const directory = planDemoDirectory();

  let createdUnits = 0;
  const unitIds = new Map<string, string>();
  for (const level of directory.unitLevels) {
    const { count } = await prisma.unit.createMany({
      data: level.map((unit) => ({
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        sortOrder: unit.sortOrder,
        parentId: unit.parentCode === null ? null : idOf(unitIds, unit.parentCode),
      })),
      skipDuplicates: true,
    });
    createdUnits += count;
    // Children need their parents' ids, whether created now or by an earlier run.
    const rows = await prisma.unit.findMany({
      where: { code: { in: level.map((unit) => unit.code) } },
      select: { id: true, code: true },
    });
    for (const row of rows) unitIds.set(row.code, row.id);
  }

  const { count: createdSites } = await prisma.site.createMany({
    data: directory.sites.map(({ unitCode, ...site }) => ({ ...site, unitId: idOf(unitIds, unitCode) })),
    skipDuplicates: true,
  });

  const createdGroups = await createMissingGroups(prisma, directory.groups);
  const createdUsers = await createMissingAccounts(
    prisma,
    directory.accounts,
    unitIds,
    options.password ?? DEFAULT_DEMO_PASSWORD,
  );

  const [units, sites, groups, users] = await Promise.all([
    prisma.unit.count(),
    prisma.site.count(),
    prisma.siteGroup.count(),
    prisma.user.count(),
  ]);
  log.info(
    {
      units,
      sites,
      groups,
      users,
      created: { units: createdUnits, sites: createdSites, groups: createdGroups, users: createdUsers },
      ms: Math.round(performance.now() - startedAt),
    },
    createdUnits + createdSites + createdGroups + createdUsers === 0
      ? 'demo directory already present'
      : `demo directory seeded: ${sites} meeting rooms, ${users} accounts`,
  );
  return { units, sites, groups, users };
}

/** Members are seeded with their group only: a group that exists keeps the members it was given. */
async function createMissingGroups(prisma: PrismaClient, groups: PlannedGroup[]): Promise<number> {
  const existing = await prisma.siteGroup.findMany({ where: { code: { in: groups.map((group) => group.code) } }, select: { code: true } });
  const existingCodes = new Set(existing.map((group) => group.code));
  const missing = groups.filter((group) => !existingCodes.has(group.code));
  if (missing.length === 0) return 0;

  const { count } = await prisma.siteGroup.createMany({
    data: missing.map(({ code, name, kind, sortOrder }) => ({ code, name, kind, sortOrder })),
    skipDuplicates: true,
  });
  const [groupRows, siteRows] = await Promise.all([
    prisma.siteGroup.findMany({ where: { code: { in: missing.map((group) => group.code) } }, select: { id: true, code: true } }),
    prisma.site.findMany({ where: { code: { in: missing.flatMap((group) => group.siteCodes) } }, select: { id: true, code: true } }),
  ]);
  const groupIds = new Map(groupRows.map((group) => [group.code, group.id]));
  const siteIds = new Map(siteRows.map((site) => [site.code, site.id]));
  await prisma.siteGroupMember.createMany({
    data: missing.flatMap((group) =>
      group.siteCodes.map((siteCode) => ({ groupId: idOf(groupIds, group.code), siteId: idOf(siteIds, siteCode) })),
    ),
    skipDuplicates: true,
  });
  return count;
}

async function createMissingAccounts(
  prisma: PrismaClient,
  accounts: PlannedAccount[],
  unitIds: Map<string, string>,
  password: string,
): Promise<number> {
  const existing = await prisma.user.findMany({
    where: { username: { in: accounts.map((account) => account.username) } },
    select: { username: true },
  });
  const existingUsernames = new Set(existing.map((user) => user.username));
  const missing = accounts.filter((account) => !existingUsernames.has(account.username));
  if (missing.length === 0) return 0;

  const siteCodes = missing.flatMap((account) => (account.siteCode === null ? [] : [account.siteCode]));
  const siteRows = await prisma.site.findMany({ where: { code: { in: siteCodes } }, select: { id: true, code: true } });
  const siteIds = new Map(siteRows.map((site) => [site.code, site.id]));
  // One hash (with its own salt) per account; they run in parallel on libuv's thread pool.
  const passwordHashes = await Promise.all(missing.map(() => hashPassword(password)));
  const { count } = await prisma.user.createMany({
    data: missing.map((account, index) => ({
      username: account.username,
      passwordHash: passwordHashes[index]!,
      displayName: account.displayName,
      role: account.role,
      unitId: account.unitCode === null ? null : idOf(unitIds, account.unitCode),
      siteId: account.siteCode === null ? null : idOf(siteIds, account.siteCode),
      // The start banner prints this password: on a node reachable from the network it only lets
      // the account choose its own (SessionStore).
      passwordPublished: true,
    })),
    skipDuplicates: true,
  });
  return count;
}

function idOf(ids: Map<string, string>, code: string): string {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`demo seed: no row with code ${code}`);
  return id;
}
