import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import { createTestDatabase, type TestDatabase } from '../db/testDatabase.js';
import { seedDemoData } from './seed.js';

const log = pino({ level: 'silent' });

describe('seedDemoData', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  const snapshot = async () => ({
    units: await db.prisma.unit.findMany({ orderBy: { code: 'asc' } }),
    sites: await db.prisma.site.findMany({ orderBy: { code: 'asc' } }),
    users: await db.prisma.user.findMany({ orderBy: { username: 'asc' } }),
    groups: await db.prisma.siteGroup.findMany({ orderBy: { code: 'asc' }, include: { members: { orderBy: { siteId: 'asc' } } } }),
  });

  it('seeds the province of today: 348 sites, 166 commune-level units (147 xã, 19 phường), the demo accounts', async () => {
    const startedAt = performance.now();
    const summary = await seedDemoData(db.prisma, { password: 'Thử@2026' }, log);
    const elapsedMs = performance.now() - startedAt;

    expect(summary.sites).toBe(348);
    expect(await db.prisma.unit.count({ where: { kind: { in: ['COMMUNE', 'WARD'] } } })).toBe(166);
    expect(await db.prisma.unit.count({ where: { kind: 'COMMUNE' } })).toBe(147);
    expect(await db.prisma.unit.count({ where: { kind: 'WARD' } })).toBe(19);
    expect(await db.prisma.unit.count({ where: { kind: 'DISTRICT' } })).toBe(0);
    // Every site has a unit by the schema; every unit has a room by the seed.
    expect(await db.prisma.unit.count({ where: { sites: { none: {} } } })).toBe(0);
    expect(elapsedMs).toBeLessThan(10_000);

    const hoangHoa = await db.prisma.unit.findUniqueOrThrow({
      where: { code: '15865' },
      include: { parent: true, sites: { orderBy: { code: 'asc' } } },
    });
    expect(hoangHoa).toMatchObject({ name: 'Xã Hoằng Hóa', kind: 'COMMUNE', parent: { code: 'TINH' } });
    expect(hoangHoa.sites.map((site) => site.code)).toEqual(['15865', '15865-2']);

    expect(summary.groups).toBe(26 + 3 + 3 + 1);
    const mountains = await db.prisma.siteGroup.findUniqueOrThrow({ where: { code: 'MIEN-NUI' }, include: { members: { include: { site: { include: { unit: true } } } } } });
    expect(mountains.name).toBe('Các xã miền núi');
    expect(mountains.members.length).toBeGreaterThan(70);
    expect(mountains.members.every(({ site }) => site.unit.kind === 'COMMUNE')).toBe(true);

    const roles = (await db.prisma.user.findMany({ select: { role: true } })).map((user) => user.role);
    expect(new Set(roles)).toEqual(new Set(['ADMIN', 'SECRETARIAT', 'CHAIR', 'OPERATOR', 'SITE', 'VIEWER']));
  });

  it('gives every demo account the demo password, marked as published, and site accounts their room', async () => {
    const admin = await db.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect(await verifyPassword('Thử@2026', admin.passwordHash)).toBe(true);
    expect(await verifyPassword('Demo@2026', admin.passwordHash)).toBe(false);
    expect(await db.prisma.user.count({ where: { passwordPublished: false } })).toBe(0);

    const hall = await db.prisma.user.findUniqueOrThrow({ where: { username: 'tinh' }, include: { site: true } });
    expect(hall).toMatchObject({ role: 'SITE', site: { code: 'TINH', name: 'Hội trường UBND tỉnh' } });
    for (const username of ['15865', '15865-2']) {
      const account = await db.prisma.user.findUniqueOrThrow({ where: { username }, include: { site: true } });
      expect(account.site?.code.toLowerCase()).toBe(username);
    }
  });

  it('changes nothing when run again, not even passwords, and keeps operator edits', async () => {
    await db.prisma.site.update({ where: { code: 'TINH' }, data: { contactPhone: '0900000000' } });
    const committee = await db.prisma.siteGroup.findUniqueOrThrow({ where: { code: 'BCD-PCTT' } });
    await db.prisma.siteGroupMember.deleteMany({ where: { groupId: committee.id, site: { code: 'KTTV' } } });
    const before = await snapshot();

    const summary = await seedDemoData(db.prisma, { password: 'another password' }, log);

    expect(summary).toEqual({ units: before.units.length, sites: before.sites.length, groups: before.groups.length, users: before.users.length });
    expect(await snapshot()).toEqual(before);
  });

  it('fills in demo rows that are missing', async () => {
    const commune = await db.prisma.unit.findUniqueOrThrow({ where: { code: '15961' } });
    await db.prisma.site.deleteMany({ where: { unitId: commune.id } });
    await db.prisma.unit.delete({ where: { id: commune.id } });

    const summary = await seedDemoData(db.prisma, {}, log);

    expect(summary.sites).toBe(348);
    expect(await db.prisma.site.findUnique({ where: { code: '15961-2' } })).not.toBeNull();
  });
});
