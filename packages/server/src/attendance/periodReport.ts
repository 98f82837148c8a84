import { CodedError, type AttendancePeriodReport, type AttendanceRateRow, type Identity } from '@pm/shared';
import { unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { siteGroup } from '../directory/siteGroup.js';
import { UnitTree } from '../directory/unitTree.js';
import { dateAsDay } from '../util/provinceCalendar.js';

const DAY = 86_400_000;

interface Tally {
  invited: number;
  attended: number;
  late: number;
}

/**
 * Attendance across the meetings of a period, per site, per unit and per site group: which
 * communes keep missing or coming late. A site counts as having attended a meeting if it joined at all; late if its
 * first join came after the start. Limited to the caller's unit scope and the requested unit.
 */
export async function attendancePeriodReport(
  prisma: PrismaClient,
  identity: Identity,
  query: { from: string; to: string; unitId?: string | undefined },
): Promise<AttendancePeriodReport> {
  const from = new Date(`${query.from}T00:00:00+07:00`);
  const to = new Date(new Date(`${query.to}T00:00:00+07:00`).getTime() + DAY);
  if (to <= from) throw new CodedError('BAD_REQUEST', '`to` must not be before `from`');

  const tree = await UnitTree.load(prisma);
  const limits = [unitScope(identity), query.unitId ?? null].filter((u): u is string => !!u);
  for (const unitId of limits) if (!tree.get(unitId)) throw new CodedError('NOT_FOUND', `no unit ${unitId}`);
  const allowed = (unitId: string) => limits.every((limit) => tree.contains(limit, unitId));

  const meetings = await prisma.meeting.findMany({
    where: { status: 'SCHEDULED', startsAt: { gte: from, lt: to } },
    include: {
      invitations: { include: { site: { include: { unit: { include: { parent: true } } } } } },
      presenceEvents: { where: { kind: 'JOIN' }, orderBy: { at: 'asc' } },
    },
  });

  const invitedSiteIds = [...new Set(meetings.flatMap((meeting) => meeting.invitations.map((invitation) => invitation.siteId)))];
  const memberships = await prisma.siteGroupMember.findMany({
    where: { siteId: { in: invitedSiteIds } },
    select: { siteId: true, group: { select: { id: true, name: true } } },
  });
  const groupsOfSite = new Map<string, Array<{ id: string; name: string }>>();
  for (const { siteId, group } of memberships) groupsOfSite.set(siteId, [...(groupsOfSite.get(siteId) ?? []), group]);

  const sites = new Map<string, Tally & { name: string; groupName: string }>();
  const units = new Map<string, Tally & { name: string }>();
  const groups = new Map<string, Tally & { name: string }>();
  const tallyOf = (tallies: Map<string, Tally & { name: string }>, id: string, name: string) => {
    const tally = tallies.get(id) ?? { name, invited: 0, attended: 0, late: 0 };
    tallies.set(id, tally);
    return tally;
  };
  for (const meeting of meetings) {
    for (const { site } of meeting.invitations) {
      if (!allowed(site.unitId)) continue;
      const firstJoin = meeting.presenceEvents.find((e) => e.siteId === site.id);
      const group = siteGroup(site.unit);
      const siteTally = sites.get(site.id) ?? { name: site.name, groupName: group.groupName, invited: 0, attended: 0, late: 0 };
      sites.set(site.id, siteTally);
      const tallies = [
        siteTally,
        tallyOf(units, group.groupId, group.groupName),
        ...(groupsOfSite.get(site.id) ?? []).map((siteGroupRow) => tallyOf(groups, siteGroupRow.id, siteGroupRow.name)),
      ];
      for (const tally of tallies) {
        tally.invited++;
        if (firstJoin) tally.attended++;
        if (firstJoin && firstJoin.at > meeting.startsAt) tally.late++;
      }
    }
  }

  // Rooms of merged units now belong to the successor, so the period's figures count them there.
  const successions = await prisma.unitSuccession.findMany({
    where: { effective: { gt: new Date(`${query.from}T00:00:00.000Z`) }, successorId: { in: [...units.keys()] } },
    include: { predecessor: { select: { name: true } }, successor: { select: { name: true } } },
    orderBy: [{ effective: 'asc' }, { predecessor: { name: 'asc' } }],
  });

  const rate = (id: string, t: Tally & { name: string }): AttendanceRateRow => ({
    id,
    name: t.name,
    invited: t.invited,
    attended: t.attended,
    missed: t.invited - t.attended,
    late: t.late,
    attendancePct: Math.round((t.attended / Math.max(1, t.invited)) * 1000) / 10,
  });
  const worstFirst = (a: AttendanceRateRow, b: AttendanceRateRow) =>
    b.missed - a.missed || b.late - a.late || a.name.localeCompare(b.name, 'vi');
  return {
    from: query.from,
    to: query.to,
    meetings: meetings.length,
    sites: [...sites].map(([id, t]) => ({ ...rate(id, t), groupName: t.groupName })).sort(worstFirst),
    units: [...units].map(([id, t]) => rate(id, t)).sort(worstFirst),
    groups: [...groups].map(([id, t]) => rate(id, t)).sort(worstFirst),
    mergers: successions.map(({ predecessor, successor, effective }) => ({
      predecessorName: predecessor.name,
      successorName: successor.name,
      effective: dateAsDay(effective),
    })),
  };
}
