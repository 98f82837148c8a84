import type { PrismaClient } from '@pm/server/db/prismaClient.ts';

/**
 * Ids of seeded rows by their codes, so a test can name "15865" (xã Hoằng Hóa, by its national unit
 * code) rather than a cuid.
 */
export async function idsByCode(prisma: PrismaClient) {
  const [units, sites, users] = await Promise.all([
    prisma.unit.findMany({ select: { id: true, code: true } }),
    prisma.site.findMany({ select: { id: true, code: true, unitId: true } }),
    prisma.user.findMany({ select: { id: true, username: true } }),
  ]);
  const unit = new Map(units.map((u) => [u.code, u.id]));
  const site = new Map(sites.map((s) => [s.code, s.id]));
  const user = new Map(users.map((u) => [u.username, u.id]));
  const get = (map: Map<string, string>, key: string) => {
    const id = map.get(key);
    if (!id) throw new Error(`no seeded row ${key}`);
    return id;
  };
  return {
    unit: (code: string) => get(unit, code),
    site: (code: string) => get(site, code),
    user: (username: string) => get(user, username),
  };
}
