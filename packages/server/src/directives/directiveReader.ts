import {
  CodedError,
  type Directive,
  type DirectiveDetail,
  type directiveListQuerySchema,
  type Identity,
} from '@pm/shared';
import type { z } from 'zod';
import type { Prisma } from '../db/generated/client.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from '../directory/unitTree.js';
import { visibleDirectives } from './directiveAccess.js';
import { dayAsDate, provinceDay } from '../util/provinceCalendar.js';
import { directiveInclude, presentDirectives } from './directiveRecord.js';

const MAX_LISTED = 1000;
export type DirectiveFilter = z.output<typeof directiveListQuerySchema>;

/** The tracker's questions, always within what the account may see. */
export class DirectiveReader {
  constructor(private readonly prisma: PrismaClient) {}

  async list(identity: Identity, filter: DirectiveFilter): Promise<Directive[]> {
    const rows = await this.prisma.directive.findMany({
      where: await this.where(identity, filter),
      include: directiveInclude,
      orderBy: [{ deadline: 'asc' }, { at: 'asc' }],
      take: MAX_LISTED,
    });
    return presentDirectives(this.prisma, rows);
  }

  async get(identity: Identity, directiveId: string): Promise<DirectiveDetail> {
    const tree = await UnitTree.load(this.prisma);
    const row = await this.prisma.directive.findFirst({
      where: { AND: [{ id: directiveId }, visibleDirectives(identity, tree)] },
      include: {
        ...directiveInclude,
        reports: {
          orderBy: { createdAt: 'asc' },
          include: { unit: { select: { id: true, name: true } }, author: { select: { displayName: true } }, attachments: { orderBy: { createdAt: 'asc' } } },
        },
      },
    });
    if (!row) throw new CodedError('NOT_FOUND', 'directive not found');
    const [directive] = await presentDirectives(this.prisma, [row]);
    return {
      ...directive!,
      reports: row.reports.map((r) => ({
        id: r.id,
        unit: r.unit,
        authorName: r.author?.displayName ?? '',
        text: r.text,
        done: r.done,
        createdAt: r.createdAt.toISOString(),
        attachments: r.attachments.map((a) => ({
          id: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          createdAt: a.createdAt.toISOString(),
        })),
      })),
    };
  }

  /** The filter as SQL: visibility, unit (and the units below it), status, overdue, deadline period. */
  async where(identity: Identity, filter: DirectiveFilter): Promise<Prisma.DirectiveWhereInput> {
    const tree = await UnitTree.load(this.prisma);
    const today = dayAsDate(provinceDay(new Date()));
    const overdue: Prisma.DirectiveWhereInput = { status: { not: 'CONFIRMED' }, deadline: { lt: today } };
    return {
      AND: [
        visibleDirectives(identity, tree),
        filter.unitId ? { units: { some: { unitId: { in: tree.subtree(filter.unitId) } } } } : {},
        filter.status ? { status: filter.status } : {},
        filter.overdue === undefined ? {} : filter.overdue ? overdue : { NOT: overdue },
        filter.from ? { deadline: { gte: dayAsDate(filter.from) } } : {},
        filter.to ? { deadline: { lte: dayAsDate(filter.to) } } : {},
        filter.meetingId ? { meetingId: filter.meetingId } : {},
      ],
    };
  }
}
