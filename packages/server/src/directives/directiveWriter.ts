import { CodedError, type Directive, type directiveCreateSchema, type directiveUpdateSchema, type Identity } from '@pm/shared';
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { assertInScope } from '../auth/authorization.js';
import { UnitTree } from '../directory/unitTree.js';
import { assertAgendaItem } from '../meetings/schedule/meetingReferences.js';
import { assertMayWriteRecords } from '../meetings/schedule/meetingAccess.js';
import { directiveScope, visibleDirectives } from './directiveAccess.js';
import { dayAsDate } from '../util/provinceCalendar.js';
import { currentEntries } from '../minutes/minutesEntries.js';

type Create = z.output<typeof directiveCreateSchema>;
type Update = z.output<typeof directiveUpdateSchema>;

/**
 * Giving and editing directives; confirming a reported result or sending it back. Each is written
 * with the scope that manages the directive's meeting, names only units within the writer's scope,
 * and is checked whole before anything is stored.
 */
export class DirectiveWriter {
  constructor(private readonly prisma: PrismaClient) {}

  /** Gives a directive; returns its id. */
  async create(identity: Identity, meetingId: string, input: Create): Promise<string> {
    const tree = await assertMayWriteRecords(this.prisma, identity, meetingId);
    await assertAgendaItem(this.prisma, meetingId, input.agendaPosition);
    const units = await this.unitRows(identity, tree, input.responsibleUnitIds, input.coordinatingUnitIds);
    const entry = input.minutesEntryId
      ? await this.prisma.minutesEntry.findFirst({ where: { id: input.minutesEntryId, meetingId, ...currentEntries }, select: { at: true } })
      : null;
    if (input.minutesEntryId && !entry) throw new CodedError('BAD_REQUEST', 'the minutes entry is not one of this meeting');
    const row = await this.prisma.directive.create({
      data: {
        meetingId,
        agendaPosition: input.agendaPosition,
        minutesEntryId: input.minutesEntryId,
        at: input.at ? new Date(input.at) : (entry?.at ?? new Date()),
        content: input.content,
        deadline: dayAsDate(input.deadline),
        priority: input.priority,
        createdById: identity.userId,
        units: { create: units },
      },
      select: { id: true },
    });
    return row.id;
  }

  async update(identity: Identity, directiveId: string, input: Update): Promise<void> {
    const { version, status, responsibleUnitIds, coordinatingUnitIds, deadline, ...fields } = input;
    const current = await this.visible(identity, directiveId);
    const tree = await assertMayWriteRecords(this.prisma, identity, current.meetingId);
    await assertAgendaItem(this.prisma, current.meetingId, fields.agendaPosition);
    if (status === 'CONFIRMED') await this.assertNotOwnReport(identity, tree, directiveId);
    const data: Prisma.DirectiveUpdateManyMutationInput = {
      ...fields,
      ...(deadline ? { deadline: dayAsDate(deadline) } : {}),
      ...(status ? this.transition(current.status, status) : {}),
      version: { increment: 1 },
    };
    const units =
      responsibleUnitIds || coordinatingUnitIds
        ? await this.unitRows(
            identity,
            tree,
            responsibleUnitIds ?? current.units.filter((u) => u.role === 'RESPONSIBLE').map((u) => u.unitId),
            coordinatingUnitIds ?? current.units.filter((u) => u.role === 'COORDINATING').map((u) => u.unitId),
          )
        : undefined;
    await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.directive.updateMany({ where: { id: directiveId, version }, data });
      if (count === 0) throw new CodedError('CONFLICT', `the directive was changed by someone else meanwhile (version ${version} is stale)`);
      if (units) {
        await tx.directiveUnit.deleteMany({ where: { directiveId } });
        await tx.directiveUnit.createMany({ data: units.map((u) => ({ ...u, directiveId })) });
      }
    });
  }

  private async visible(identity: Identity, directiveId: string) {
    const tree = await UnitTree.load(this.prisma);
    const row = await this.prisma.directive.findFirst({
      where: { AND: [{ id: directiveId }, visibleDirectives(identity, tree)] },
      select: { meetingId: true, status: true, units: { select: { unitId: true, role: true } } },
    });
    if (!row) throw new CodedError('NOT_FOUND', 'directive not found');
    return row;
  }

  /** Only a reported result is confirmed, or sent back to be worked on. */
  private transition(from: Directive['status'], to: 'CONFIRMED' | 'IN_PROGRESS'): Prisma.DirectiveUpdateManyMutationInput {
    if (from !== 'REPORTED_DONE') throw new CodedError('CONFLICT', `a directive ${from} cannot become ${to}; it must be reported done first`);
    return to === 'CONFIRMED' ? { status: to, confirmedAt: new Date() } : { status: to, reportedDoneAt: null };
  }

  /**
   * A result is confirmed by someone other than who reported it: not the report's author, and not
   * an account of the reporting unit (or a unit above it within its own scope).
   */
  private async assertNotOwnReport(identity: Identity, tree: UnitTree, directiveId: string): Promise<void> {
    const report = await this.prisma.directiveReport.findFirst({
      where: { directiveId, done: true },
      orderBy: { createdAt: 'desc' },
      select: { unitId: true, authorUserId: true },
    });
    if (!report) return;
    const scope = directiveScope(identity) ?? identity.unitId;
    if (report.authorUserId === identity.userId || (scope !== null && tree.contains(scope, report.unitId))) {
      throw new CodedError('FORBIDDEN', 'a result is confirmed by someone other than the unit that reported it');
    }
  }

  /** Responsible and coordinating units, each an active unit within the writer's scope, none in both lists. */
  private async unitRows(identity: Identity, tree: UnitTree, responsible: string[], coordinating: string[]) {
    const unique = (ids: string[]) => [...new Set(ids)];
    const both = unique(responsible).filter((id) => coordinating.includes(id));
    if (both.length) throw new CodedError('BAD_REQUEST', 'a unit is either responsible or coordinating, not both');
    const ids = unique([...responsible, ...coordinating]);
    for (const unitId of ids) assertInScope(identity, tree, unitId, 'a unit named in the directive');
    const active = await this.prisma.unit.count({ where: { id: { in: ids }, disabled: false } });
    if (active !== ids.length) throw new CodedError('BAD_REQUEST', 'every unit must exist and be active');
    return [
      ...unique(responsible).map((unitId) => ({ unitId, role: 'RESPONSIBLE' as const })),
      ...unique(coordinating).map((unitId) => ({ unitId, role: 'COORDINATING' as const })),
    ];
  }
}
