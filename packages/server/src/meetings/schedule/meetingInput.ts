import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { UnitTree } from '../../directory/unitTree.js';

/** The chair must be an active CHAIR account. */
export async function checkChair(prisma: PrismaClient, chairUserId: string | null): Promise<void> {
  if (chairUserId === null) return;
  const chair = await prisma.user.findUnique({ where: { id: chairUserId }, select: { role: true, disabled: true } });
  if (!chair || chair.role !== 'CHAIR' || chair.disabled) {
    throw new CodedError('BAD_REQUEST', 'the chair must be an active CHAIR account', ['chairUserId: not an active chair']);
  }
}

export interface AgendaInput {
  title: string;
  presentingUnitId: string | null;
  plannedMinutes: number;
}

/** Agenda rows to store, numbered in the order given; presenting units must exist. */
export function agendaRows(tree: UnitTree, agenda: AgendaInput[]) {
  const issues = agenda.flatMap((item, index) =>
    item.presentingUnitId !== null && !tree.get(item.presentingUnitId) ? [`agenda.${index}.presentingUnitId: unknown unit`] : [],
  );
  if (issues.length) throw new CodedError('BAD_REQUEST', 'the agenda names unknown units', issues);
  return agenda.map((item, index) => ({ ...item, position: index + 1 }));
}
