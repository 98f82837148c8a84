import { z } from 'zod';
import { entityIdSchema, instantSchema } from './accounts.js';
import { agendaPositionSchema, agendaRefSchema, directiveSchema, namedRefSchema } from './directives.js';

/*
 * Minutes (biên bản) written live by the secretariat, and the chair's directives (kết luận chỉ
 * đạo) followed up by the responsible units. Every moment is stored as an instant; `offsetMs`
 * places it on the meeting's timeline: the recording's when the meeting was recorded, else the
 * scheduled start's.
 */

/** Vietnamese typed on different keyboards arrives composed or decomposed: store one form. */
const text = (max: number) => z.string().trim().max(max).transform((value) => value.normalize('NFC'));
const optionalId = entityIdSchema.nullable();
const agendaPosition = agendaPositionSchema.nullable();

export const timelineBaseSchema = z.enum(['recording', 'meeting']);
export type TimelineBase = z.infer<typeof timelineBaseSchema>;

export const minutesEntrySchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  agendaPosition: z.number().int().nullable(),
  /** The site that spoke, if a site did. */
  speakerSiteId: z.string().nullable(),
  /** Who spoke, as written in the minutes (the site's name unless the secretary wrote a person). */
  speakerName: z.string().nullable(),
  text: z.string(),
  at: instantSchema,
  offsetMs: z.number().int().nonnegative(),
  /** Optimistic concurrency: an edit names the version it started from. */
  version: z.number().int().positive(),
  authorName: z.string(),
  /**
   * Who last changed the entry when that was not its author (the author's own later changes
   * clear it: the words are the author's again); `updatedAt` is when.
   */
  editorName: z.string().nullable(),
  updatedAt: instantSchema,
});
export type MinutesEntry = z.infer<typeof minutesEntrySchema>;

export const minutesEntryCreateSchema = z
  .object({
    text: text(20_000).pipe(z.string().min(1)),
    agendaPosition: agendaPosition.default(null),
    speakerSiteId: optionalId.default(null),
    speakerName: text(200).nullable().default(null),
    /** When it was said; default: when the entry reaches the server. */
    at: instantSchema.optional(),
  })
  .strict();
export type MinutesEntryCreate = z.input<typeof minutesEntryCreateSchema>;

export const minutesEntryUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    text: text(20_000).pipe(z.string().min(1)).optional(),
    agendaPosition: agendaPosition.optional(),
    speakerSiteId: optionalId.optional(),
    speakerName: text(200).nullable().optional(),
    at: instantSchema.optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 1, 'nothing to change');
export type MinutesEntryUpdate = z.input<typeof minutesEntryUpdateSchema>;

export const versionQuerySchema = z.object({ version: z.coerce.number().int().positive() });
export const minutesEntryResponseSchema = z.object({ entry: minutesEntrySchema });

/** What the exported documents say besides the content: the administrative particulars. */
export const minutesSettingsSchema = z.object({
  issuingBody: z.string(),
  /** "Thanh Hóa" in "Thanh Hóa, ngày … tháng … năm …". */
  place: z.string(),
  minutesNumber: z.string(),
  conclusionsNumber: z.string(),
  signerTitle: z.string(),
  signerName: z.string(),
  /** The secretary named in the minutes, a person; empty: the authors of the entries. */
  secretaryName: z.string(),
  version: z.number().int().positive(),
});
export type MinutesSettings = z.infer<typeof minutesSettingsSchema>;

export const minutesSettingsUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    issuingBody: text(200).pipe(z.string().min(2)).optional(),
    place: text(100).pipe(z.string().min(2)).optional(),
    minutesNumber: text(50).optional(),
    conclusionsNumber: text(50).optional(),
    signerTitle: text(200).optional(),
    signerName: text(200).optional(),
    secretaryName: text(200).optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 1, 'nothing to change');

/** The floor holder now, as the minutes suggest it for a new entry. */
export const minutesLiveSchema = z.object({
  /** The meeting is running (on whichever node of the cluster hosts it). */
  live: z.boolean(),
  speaker: namedRefSchema.nullable(),
  /** The agenda item under discussion, as the chair or the secretary last set it (null: none, or not running). */
  agendaItem: z.number().int().nullable(),
  timeline: z.object({ base: timelineBaseSchema, nowOffsetMs: z.number().int().nonnegative() }),
  /** Changes whenever an entry is added, edited or removed: the screen then reloads the entries. */
  entriesRevision: z.string(),
});
export type MinutesLive = z.infer<typeof minutesLiveSchema>;

/** The secretary moves the running meeting to an agenda item (null: none), as the chair does from the console. */
export const minutesAgendaItemSchema = z.object({ position: agendaPosition }).strict();

/** Everything the minutes screen and the review page start from. */
export const minutesDocumentSchema = z.object({
  meeting: z.object({
    id: z.string(),
    title: z.string(),
    startsAt: instantSchema,
    /** When the meeting ended (the scheduled end until it has been ended for everyone). */
    endsAt: instantSchema,
    chairName: z.string().nullable(),
  }),
  settings: minutesSettingsSchema,
  timeline: z.object({ base: timelineBaseSchema, startedAt: instantSchema }),
  agenda: z.array(agendaRefSchema),
  /** The invited sites, for naming a speaker. */
  sites: z.array(namedRefSchema),
  entries: z.array(minutesEntrySchema),
  directives: z.array(directiveSchema),
});
export type MinutesDocument = z.infer<typeof minutesDocumentSchema>;

/** A place on a timeline as people read it: "4:05", "1:02:09". */
export function formatOffset(offsetMs: number): string {
  const total = Math.floor(Math.max(0, offsetMs) / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** Searching the records of every meeting the account sees: words typed with or without diacritics. */
export const recordsSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(100) });
export const recordsSearchSchema = z.object({
  meetings: z.array(z.object({ id: z.string(), title: z.string(), startsAt: instantSchema })),
  entries: z.array(z.object({ meeting: namedRefSchema, entryId: z.string(), text: z.string(), offsetMs: z.number().int() })),
  directives: z.array(z.object({ meeting: namedRefSchema, directiveId: z.string(), content: z.string(), offsetMs: z.number().int() })),
});
export type RecordsSearch = z.infer<typeof recordsSearchSchema>;
