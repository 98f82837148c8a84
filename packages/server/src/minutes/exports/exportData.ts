import type { Identity, MinutesDocument } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import { minutesDocument } from '../minutesDocument.js';
import { currentEntries } from '../minutesEntries.js';
import type { MinutesSettingsStore } from '../minutesSettings.js';

export interface ExportData {
  minutes: MinutesDocument;
  /** Sites that were connected at some point, by name; the invited ones when nobody joined live. */
  attended: string[];
  invitedCount: number;
  /**
   * The secretaries named in the minutes: the person set in the particulars, else everyone who
   * wrote entries (their accounts' names).
   */
  secretaries: string[];
  /** When the document is issued: now. */
  issuedAt: Date;
}

/** What the exported documents are made from, read once. */
export async function exportData(prisma: PrismaClient, settings: MinutesSettingsStore, identity: Identity, meetingId: string): Promise<ExportData> {
  const minutes = await minutesDocument(prisma, settings, identity, meetingId);
  const [joined, authors] = await Promise.all([
    prisma.presenceEvent.findMany({ where: { meetingId, kind: 'JOIN' }, distinct: ['siteId'], select: { siteId: true } }),
    prisma.minutesEntry.findMany({ where: { meetingId, ...currentEntries }, distinct: ['authorUserId'], select: { author: { select: { displayName: true } } } }),
  ]);
  const joinedIds = new Set(joined.map((j) => j.siteId));
  const attended = joinedIds.size ? minutes.sites.filter((s) => joinedIds.has(s.id)) : minutes.sites;
  return {
    minutes,
    attended: attended.map((s) => s.name),
    invitedCount: minutes.sites.length,
    secretaries: minutes.settings.secretaryName
      ? [minutes.settings.secretaryName]
      : authors.flatMap((a) => (a.author ? [a.author.displayName] : [])),
    issuedAt: new Date(),
  };
}
