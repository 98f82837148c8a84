/**
 * What every reorganisation shares (reorganisations.ts, the official list's import, a room's unit
 * changed in its edit form): who may make one and from which day, and how a meeting room's former
 * name and unit are kept for the records of earlier meetings.
 */
import { CodedError, type Identity } from '@pm/shared';
import { unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { dayAsDate, provinceDay } from '../util/provinceCalendar.js';

export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The day a reorganisation takes effect, once the caller may make it: province-wide, today or earlier. */
export function checkChange(identity: Identity, effective: string): Date {
  if (unitScope(identity) !== null) throw new CodedError('FORBIDDEN', 'a reorganisation is made by a province-wide account');
  if (effective > provinceDay(new Date())) {
    throw new CodedError('BAD_REQUEST', 'a reorganisation is entered on or after the day it takes effect', ['effective: a day in the future']);
  }
  return dayAsDate(effective);
}

/** Records the room's name and unit as they were until `until`, then applies the change. */
export async function changeSite(tx: Transaction, site: { id: string; name: string; unitId: string }, until: Date, change: { name?: string; unitId?: string }) {
  await tx.siteHistory.create({ data: { siteId: site.id, name: site.name, unitId: site.unitId, until } });
  await tx.site.update({ where: { id: site.id }, data: change });
}
