import { CodedError, type Identity } from '@pm/shared';
import { inScope, unitScope } from '../../auth/authorization.js';
import type { Prisma } from '../../db/generated/client.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import { UnitTree } from '../../directory/unitTree.js';

/**
 * Which meetings an account sees: a meeting room only those it is invited to, a scoped
 * secretariat or viewer those inviting at least one site of its unit, everyone else all.
 */
export function visibleMeetings(identity: Identity, tree: UnitTree): Prisma.MeetingWhereInput {
  if (identity.role === 'SITE') return { invitations: { some: { siteId: identity.siteId ?? '' } } };
  const scope = unitScope(identity);
  if (scope === null) return {};
  return { invitations: { some: { site: { unitId: { in: tree.subtree(scope) } } } } };
}

/** A scoped secretariat changes only meetings whose every invited site lies in its unit. */
export function assertMayManage(identity: Identity, tree: UnitTree, invitedUnitIds: string[]): void {
  if (!invitedUnitIds.every((unitId) => inScope(identity, tree, unitId))) {
    throw new CodedError('FORBIDDEN', 'this meeting invites sites outside the unit this account manages');
  }
}

/** A meeting's records (minutes, directives, recording) are read through the meeting: whoever may see it. */
export async function assertMeetingVisible(prisma: PrismaClient, identity: Identity, meetingId: string): Promise<UnitTree> {
  const tree = await UnitTree.load(prisma);
  const [exists, visible] = await Promise.all([
    prisma.meeting.count({ where: { id: meetingId } }),
    prisma.meeting.count({ where: { AND: [{ id: meetingId }, visibleMeetings(identity, tree)] } }),
  ]);
  if (!exists) throw new CodedError('NOT_FOUND', 'meeting not found');
  if (!visible) throw new CodedError('FORBIDDEN', 'this meeting is not one this account sees');
  return tree;
}

/**
 * A meeting's records (minutes, their particulars, directives) are written with the scope that
 * manages the meeting: a district's secretariat sees a province meeting that invites one of its
 * sites, but the province's minutes and directives are not its to write.
 */
export async function assertMayWriteRecords(prisma: PrismaClient, identity: Identity, meetingId: string): Promise<UnitTree> {
  const tree = await assertMeetingVisible(prisma, identity, meetingId);
  if (unitScope(identity) === null) return tree;
  const invited = await prisma.meetingInvitation.findMany({ where: { meetingId }, select: { site: { select: { unitId: true } } } });
  assertMayManage(identity, tree, invited.map((i) => i.site.unitId));
  return tree;
}
