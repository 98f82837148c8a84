import {
  CodedError,
  type Identity,
  type MinutesEntry,
  type minutesEntryCreateSchema,
  type minutesEntryUpdateSchema,
} from '@pm/shared';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prismaClient.js';
import { assertAgendaItem, assertInvitedSite } from '../meetings/schedule/meetingReferences.js';
import { assertMayWriteRecords } from '../meetings/schedule/meetingAccess.js';
import type { Timeline } from '../recording/timeline.js';
import { loadTimelines } from '../recording/timelines.js';

/** The entries the minutes hold: a removed entry is kept in the table but is no longer part of them. */
export const currentEntries = { removedAt: null } as const;

export const entryInclude = {
  author: { select: { displayName: true } },
  editor: { select: { displayName: true } },
  speakerSite: { select: { id: true, name: true, unitId: true } },
} as const;

interface EntryRow {
  id: string;
  meetingId: string;
  agendaPosition: number | null;
  speakerSiteId: string | null;
  speakerName: string | null;
  text: string;
  at: Date;
  version: number;
  updatedAt: Date;
  authorUserId: string | null;
  editorUserId: string | null;
  author: { displayName: string } | null;
  editor: { displayName: string } | null;
  speakerSite: { name: string } | null;
}

export function toMinutesEntry(row: EntryRow, timeline: Timeline): MinutesEntry {
  return {
    id: row.id,
    meetingId: row.meetingId,
    agendaPosition: row.agendaPosition,
    speakerSiteId: row.speakerSiteId,
    speakerName: row.speakerName ?? row.speakerSite?.name ?? null,
    text: row.text,
    at: row.at.toISOString(),
    offsetMs: timeline.offsetOf(row.at),
    version: row.version,
    authorName: row.author?.displayName ?? '',
    // The author typing on (each pause saves) is not an edit; someone else's change is, until the author changes it again.
    editorName: row.editorUserId !== null && row.editorUserId !== row.authorUserId ? (row.editor?.displayName ?? null) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

type EntryFields = Partial<Pick<z.output<typeof minutesEntryUpdateSchema>, 'agendaPosition' | 'speakerSiteId'>>;

/**
 * The live minutes: each entry is its own row, saved as it is typed. An edit or removal names the
 * version it was made from; if another secretary saved the entry meanwhile, it fails with
 * CONFLICT instead of overwriting their words.
 */
export class MinutesEntries {
  constructor(private readonly prisma: PrismaClient) {}

  async create(identity: Identity, meetingId: string, input: z.output<typeof minutesEntryCreateSchema>): Promise<MinutesEntry> {
    await assertMayWriteRecords(this.prisma, identity, meetingId);
    await this.assertReferences(meetingId, input);
    const row = await this.prisma.minutesEntry.create({
      data: { ...input, meetingId, at: input.at ? new Date(input.at) : new Date(), authorUserId: identity.userId },
      include: entryInclude,
    });
    return this.present(row);
  }

  async update(identity: Identity, entryId: string, input: z.output<typeof minutesEntryUpdateSchema>): Promise<MinutesEntry> {
    const { version, at, ...fields } = input;
    const meetingId = await this.meetingOf(identity, entryId);
    await this.assertReferences(meetingId, fields);
    const { count } = await this.prisma.minutesEntry.updateMany({
      where: { id: entryId, version, ...currentEntries },
      data: { ...fields, ...(at ? { at: new Date(at) } : {}), editorUserId: identity.userId, version: { increment: 1 } },
    });
    if (count === 0) await this.conflict(entryId, version);
    return this.present(await this.prisma.minutesEntry.findUniqueOrThrow({ where: { id: entryId }, include: entryInclude }));
  }

  async remove(identity: Identity, entryId: string, version: number): Promise<void> {
    await this.meetingOf(identity, entryId);
    const { count } = await this.prisma.minutesEntry.updateMany({
      where: { id: entryId, version, ...currentEntries },
      data: { removedAt: new Date(), removedByUserId: identity.userId, version: { increment: 1 } },
    });
    if (count === 0) await this.conflict(entryId, version);
  }

  private async present(row: EntryRow & { meetingId: string }): Promise<MinutesEntry> {
    const meeting = await this.prisma.meeting.findUniqueOrThrow({ where: { id: row.meetingId }, select: { id: true, startsAt: true } });
    const timelines = await loadTimelines(this.prisma, [meeting]);
    return toMinutesEntry(row, timelines.get(meeting.id)!);
  }

  /** The meeting of an entry the caller may write. */
  private async meetingOf(identity: Identity, entryId: string): Promise<string> {
    const entry = await this.prisma.minutesEntry.findFirst({ where: { id: entryId, ...currentEntries }, select: { meetingId: true } });
    if (!entry) throw new CodedError('NOT_FOUND', 'minutes entry not found');
    await assertMayWriteRecords(this.prisma, identity, entry.meetingId);
    return entry.meetingId;
  }

  private async conflict(entryId: string, version: number): Promise<never> {
    const current = await this.prisma.minutesEntry.findFirst({ where: { id: entryId, ...currentEntries }, select: { version: true } });
    if (!current) throw new CodedError('NOT_FOUND', 'minutes entry not found (removed meanwhile)');
    throw new CodedError('CONFLICT', `the entry was changed by someone else: version ${current.version}, not ${version}`);
  }

  private async assertReferences(meetingId: string, fields: EntryFields): Promise<void> {
    await assertAgendaItem(this.prisma, meetingId, fields.agendaPosition);
    await assertInvitedSite(this.prisma, meetingId, fields.speakerSiteId);
  }
}
