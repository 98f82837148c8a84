import { z } from 'zod';
import {
  CodedError,
  meetingCancelSchema,
  meetingCreateSchema,
  meetingUpdateSchema,
  overlapCheckSchema,
  type Identity,
  type Overlap,
} from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import { UnitTree } from '../../directory/unitTree.js';
import type { ScheduleNotices } from './scheduleNotices.js';
import { assertMayManage } from './meetingAccess.js';
import { agendaRows, checkChair } from './meetingInput.js';
import { findOverlaps } from './overlaps.js';
import { occurrences } from './recurrence.js';
import type { ScheduleReader } from './scheduleReader.js';
import { resolveInvitedSites } from './siteSelection.js';

type Create = z.output<typeof meetingCreateSchema>;
type Update = z.output<typeof meetingUpdateSchema>;
type Cancel = z.output<typeof meetingCancelSchema>;
type OverlapCheck = z.output<typeof overlapCheckSchema>;

/**
 * Scheduling, editing and cancelling. Every change bumps the meeting's revision and is pushed to
 * the sites it concerns (those invited before and after), whose home screens then show it.
 */
export class ScheduleWriter {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly reader: ScheduleReader,
    private readonly pushes: ScheduleNotices,
  ) {}

  async create(identity: Identity, input: Create) {
    const tree = await UnitTree.load(this.prisma);
    const sites = await resolveInvitedSites(this.prisma, identity, tree, input);
    await checkChair(this.prisma, input.chairUserId);
    const agenda = agendaRows(tree, input.agenda);
    const times = occurrences({ startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) }, input.recurrence);
    const siteIds = sites.map((site) => site.id);
    const created = await this.prisma.$transaction(async (tx) => {
      const series = input.recurrence ? await tx.meetingSeries.create({ data: input.recurrence }) : undefined;
      const ids: Array<{ id: string; startsAt: string }> = [];
      for (const time of times) {
        const meeting = await tx.meeting.create({
          data: {
            title: input.title,
            kind: input.kind,
            chairUserId: input.chairUserId,
            ...time,
            seriesId: series?.id ?? null,
            agenda: { create: agenda },
            invitations: { createMany: { data: siteIds.map((siteId) => ({ siteId })) } },
          },
          select: { id: true },
        });
        ids.push({ id: meeting.id, startsAt: time.startsAt.toISOString() });
      }
      return ids;
    });
    const overlaps = await findOverlaps(this.prisma, times, siteIds, created.map((o) => o.id));
    this.pushes.scheduleChanged(created[0]!.id, 'created', siteIds);
    return { meeting: await this.reader.get(identity, created[0]!.id), occurrences: created, overlaps };
  }

  async update(identity: Identity, id: string, input: Update) {
    const { tree, current, invitedBefore } = await this.loadManageable(identity, id);
    if (current.status === 'CANCELLED') throw new CodedError('CONFLICT', 'a cancelled meeting cannot be edited');
    const reinvite = input.siteIds !== undefined || input.unitIds !== undefined;
    const sites = reinvite
      ? await resolveInvitedSites(this.prisma, identity, tree, { siteIds: input.siteIds ?? [], unitIds: input.unitIds ?? [] })
      : undefined;
    if (sites?.length === 0) throw new CodedError('BAD_REQUEST', 'invite at least one site', ['siteIds: empty']);
    if (input.chairUserId !== undefined) await checkChair(this.prisma, input.chairUserId);
    const time = { startsAt: input.startsAt ? new Date(input.startsAt) : current.startsAt, endsAt: input.endsAt ? new Date(input.endsAt) : current.endsAt };
    if (time.endsAt <= time.startsAt) throw new CodedError('BAD_REQUEST', 'endsAt must be after startsAt', ['endsAt: before startsAt']);
    const agenda = input.agenda ? agendaRows(tree, input.agenda) : undefined;

    await this.prisma.$transaction(async (tx) => {
      await tx.meeting.update({
        where: { id },
        data: {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.kind !== undefined ? { kind: input.kind } : {}),
          ...(input.chairUserId !== undefined ? { chairUserId: input.chairUserId } : {}),
          ...time,
          revision: { increment: 1 },
        },
      });
      if (agenda) {
        await tx.agendaItem.deleteMany({ where: { meetingId: id } });
        await tx.agendaItem.createMany({ data: agenda.map((item) => ({ ...item, meetingId: id })) });
      }
      if (sites) {
        await tx.meetingInvitation.deleteMany({ where: { meetingId: id } });
        await tx.meetingInvitation.createMany({ data: sites.map((site) => ({ meetingId: id, siteId: site.id })) });
      }
    });
    const siteIds = sites ? sites.map((site) => site.id) : invitedBefore.map((site) => site.siteId);
    const overlaps = await findOverlaps(this.prisma, [time], siteIds, [id]);
    this.pushes.scheduleChanged(id, 'updated', new Set([...siteIds, ...invitedBefore.map((site) => site.siteId)]));
    return { meeting: await this.reader.get(identity, id), occurrences: [{ id, startsAt: time.startsAt.toISOString() }], overlaps };
  }

  /** Cancels the meeting, and with `following` the later occurrences of its series as well. */
  async cancel(identity: Identity, id: string, { reason, following }: Cancel) {
    const { current } = await this.loadManageable(identity, id);
    if (current.status === 'CANCELLED') throw new CodedError('CONFLICT', 'the meeting is already cancelled');
    const targets = following && current.seriesId
      ? await this.prisma.meeting.findMany({
          where: { seriesId: current.seriesId, status: 'SCHEDULED', startsAt: { gte: current.startsAt } },
          select: { id: true, invitations: { select: { siteId: true } } },
        })
      : [{ id, invitations: await this.prisma.meetingInvitation.findMany({ where: { meetingId: id }, select: { siteId: true } }) }];
    await this.prisma.meeting.updateMany({
      where: { id: { in: targets.map((t) => t.id) } },
      data: { status: 'CANCELLED', cancelReason: reason, revision: { increment: 1 } },
    });
    for (const target of targets) this.pushes.scheduleChanged(target.id, 'cancelled', target.invitations.map((i) => i.siteId));
    return { meeting: await this.reader.get(identity, id) };
  }

  async checkOverlaps(identity: Identity, input: OverlapCheck): Promise<{ siteCount: number; overlaps: Overlap[] }> {
    const sites = await resolveInvitedSites(this.prisma, identity, await UnitTree.load(this.prisma), input);
    const range = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    const exclude = input.excludeMeetingId ? [input.excludeMeetingId] : [];
    return { siteCount: sites.length, overlaps: await findOverlaps(this.prisma, [range], sites.map((s) => s.id), exclude) };
  }

  private async loadManageable(identity: Identity, id: string) {
    const current = await this.prisma.meeting.findUnique({ where: { id } });
    if (!current) throw new CodedError('NOT_FOUND', 'meeting not found');
    const tree = await UnitTree.load(this.prisma);
    const invitedBefore = await this.prisma.meetingInvitation.findMany({
      where: { meetingId: id },
      select: { siteId: true, site: { select: { unitId: true } } },
    });
    assertMayManage(identity, tree, invitedBefore.map((i) => i.site.unitId));
    return { tree, current, invitedBefore };
  }
}
