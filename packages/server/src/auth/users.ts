import { CodedError, type Identity, type Role, type User, type UserCreate, type UserUpdate } from '@pm/shared';
import type { Prisma } from '../db/generated/client.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from '../directory/unitTree.js';
import { unitScope } from './authorization.js';
import { hashPassword } from './passwords.js';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string | null;
  siteId: string | null;
  disabled: boolean;
  passwordPublished: boolean;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    unitId: row.unitId,
    siteId: row.siteId,
    disabled: row.disabled,
    passwordPublished: row.passwordPublished,
  };
}

/**
 * The accounts a reader may list: a unit-scoped secretariat only those of its unit and below (tied
 * to one of those units, or operating a meeting room of one), not every account of the province.
 */
async function visibleUsers(prisma: PrismaClient, identity: Identity): Promise<Prisma.UserWhereInput> {
  const scope = unitScope(identity);
  if (scope === null) return {};
  const units = (await UnitTree.load(prisma)).subtree(scope);
  return { OR: [{ unitId: { in: units } }, { site: { unitId: { in: units } } }] };
}

export async function listUsers(prisma: PrismaClient, identity: Identity, filter: { role?: Role | undefined; search?: string | undefined }): Promise<User[]> {
  const rows = await prisma.user.findMany({
    where: {
      AND: [await visibleUsers(prisma, identity)],
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.search
        ? {
            OR: [
              { username: { contains: filter.search, mode: 'insensitive' as const } },
              { displayName: { contains: filter.search, mode: 'insensitive' as const } },
            ],
          }
        : {}),
    },
    orderBy: [{ role: 'asc' }, { username: 'asc' }],
  });
  return rows.map(toUser);
}

/** The unit and site an account points at must exist; a SITE account, and only it, has a site. */
async function checkReferences(prisma: PrismaClient, role: Role, unitId: string | null, siteId: string | null): Promise<void> {
  if ((role === 'SITE') !== (siteId !== null)) {
    throw new CodedError('BAD_REQUEST', 'a SITE account needs a site, and only a SITE account has one', ['siteId: required for SITE only']);
  }
  if (unitId !== null && !(await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true } }))) {
    throw new CodedError('BAD_REQUEST', 'no such unit', ['unitId: unknown unit']);
  }
  if (siteId !== null && !(await prisma.site.findUnique({ where: { id: siteId }, select: { id: true } }))) {
    throw new CodedError('BAD_REQUEST', 'no such site', ['siteId: unknown site']);
  }
}

export async function createUser(prisma: PrismaClient, input: UserCreate): Promise<User> {
  await checkReferences(prisma, input.role, input.unitId, input.siteId);
  if (await prisma.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new CodedError('CONFLICT', `the username ${input.username} is taken`, ['username: taken']);
  }
  const { password, ...fields } = input;
  return toUser(await prisma.user.create({ data: { ...fields, passwordHash: await hashPassword(password) } }));
}

/** Returns the user and whether its sessions must end: disabled, a new password, or other rights. */
export async function updateUser(prisma: PrismaClient, id: string, input: UserUpdate): Promise<{ user: User; endSessions: boolean }> {
  const current = await prisma.user.findUnique({ where: { id } });
  if (!current) throw new CodedError('NOT_FOUND', 'account not found');
  const role = input.role ?? current.role;
  await checkReferences(prisma, role, input.unitId === undefined ? current.unitId : input.unitId, input.siteId === undefined ? current.siteId : input.siteId);
  const { password, ...fields } = input;
  const row = await prisma.user.update({
    where: { id },
    data: {
      ...fields,
      // A password the administrator sets is no longer the published one.
      ...(password === undefined ? {} : { passwordHash: await hashPassword(password), passwordPublished: false }),
    },
  });
  const rightsChanged = (['role', 'unitId', 'siteId'] as const).some((k) => input[k] !== undefined && input[k] !== current[k]);
  const endSessions = input.disabled === true || password !== undefined || rightsChanged;
  return { user: toUser(row), endSessions };
}
