import { z } from 'zod';
import { entityIdSchema, instantSchema } from './accounts.js';

/*
 * Directives (kết luận chỉ đạo): given in a meeting, assigned to responsible units with
 * coordinating ones, followed up until the secretariat confirms them done.
 */

/** An agenda item by its position (1, 2, …), which survives the agenda being edited. */
export const agendaPositionSchema = z.number().int().min(1).max(1000);
export const agendaRefSchema = z.object({ position: z.number().int(), title: z.string() });

export const namedRefSchema = z.object({ id: z.string(), name: z.string() });
export type NamedRef = z.infer<typeof namedRefSchema>;

export const directiveStatuses = ['ASSIGNED', 'IN_PROGRESS', 'REPORTED_DONE', 'CONFIRMED'] as const;
export const directiveStatusSchema = z.enum(directiveStatuses);
export type DirectiveStatus = z.infer<typeof directiveStatusSchema>;
export const directivePrioritySchema = z.enum(['NORMAL', 'HIGH', 'URGENT']);
export type DirectivePriority = z.infer<typeof directivePrioritySchema>;

/** A calendar day in the province (deadlines are days, not instants): YYYY-MM-DD. */
export const calendarDaySchema = z.iso.date();
const content = z.string().trim().min(3).max(5000).transform((v) => v.normalize('NFC'));
const unitIds = z.array(entityIdSchema).max(50);

export const directiveSchema = z.object({
  id: z.string(),
  meeting: namedRefSchema,
  agendaItem: agendaRefSchema.nullable(),
  minutesEntryId: z.string().nullable(),
  /** The moment in the meeting it was given, and where that is on the meeting's timeline. */
  at: instantSchema,
  offsetMs: z.number().int().nonnegative(),
  content: z.string(),
  responsibleUnits: z.array(namedRefSchema),
  coordinatingUnits: z.array(namedRefSchema),
  deadline: calendarDaySchema,
  priority: directivePrioritySchema,
  status: directiveStatusSchema,
  /** The deadline has passed and the directive is not confirmed done. */
  overdue: z.boolean(),
  reportedDoneAt: instantSchema.nullable(),
  confirmedAt: instantSchema.nullable(),
  version: z.number().int().positive(),
  updatedAt: instantSchema,
});
export type Directive = z.infer<typeof directiveSchema>;

export const directiveCreateSchema = z
  .object({
    content,
    responsibleUnitIds: unitIds.min(1, 'name at least one responsible unit'),
    coordinatingUnitIds: unitIds.default([]),
    deadline: calendarDaySchema,
    priority: directivePrioritySchema.default('NORMAL'),
    agendaPosition: agendaPositionSchema.nullable().default(null),
    minutesEntryId: entityIdSchema.nullable().default(null),
    /** When it was given; default: the minutes entry's moment, else now. */
    at: instantSchema.optional(),
  })
  .strict();
export type DirectiveCreate = z.input<typeof directiveCreateSchema>;

/** The secretariat's or chair's edits; `status` confirms a reported result or sends it back. */
export const directiveUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    content: content.optional(),
    responsibleUnitIds: unitIds.min(1).optional(),
    coordinatingUnitIds: unitIds.optional(),
    deadline: calendarDaySchema.optional(),
    priority: directivePrioritySchema.optional(),
    agendaPosition: agendaPositionSchema.nullable().optional(),
    status: z.enum(['CONFIRMED', 'IN_PROGRESS']).optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 1, 'nothing to change');

export const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: instantSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** What a responsible unit reports: progress, or that the work is done. */
export const directiveReportSchema = z.object({
  id: z.string(),
  unit: namedRefSchema,
  authorName: z.string(),
  text: z.string(),
  done: z.boolean(),
  createdAt: instantSchema,
  attachments: z.array(attachmentSchema),
});
export type DirectiveReport = z.infer<typeof directiveReportSchema>;

export const directiveReportCreateSchema = z
  .object({
    text: z.string().trim().min(3).max(5000).transform((v) => v.normalize('NFC')),
    done: z.boolean().default(false),
    /** The responsible unit reporting, when the account answers for several. */
    unitId: entityIdSchema.optional(),
  })
  .strict();

export const directiveDetailSchema = directiveSchema.extend({ reports: z.array(directiveReportSchema) });
export type DirectiveDetail = z.infer<typeof directiveDetailSchema>;
export const directiveResponseSchema = z.object({ directive: directiveDetailSchema });

/** Content types a report may attach, each checked against the file's first bytes too. */
export const attachmentTypes = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const attachmentUploadQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200) });

/** The tracker: deadlines falling in [from, to] (the period), by unit, status, overdue. */
export const directiveListQuerySchema = z.object({
  unitId: entityIdSchema.optional(),
  status: directiveStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  from: calendarDaySchema.optional(),
  to: calendarDaySchema.optional(),
  meetingId: entityIdSchema.optional(),
});
export const directiveListSchema = z.object({ directives: z.array(directiveSchema) });

/**
 * The on-time rate grouped by responsible unit, or by site group: a directive counts once in each
 * group holding a meeting room of one of its responsible units (a group is a set of rooms).
 */
export const directiveStatsGroupings = ['unit', 'siteGroup'] as const;
export const directiveStatsQuerySchema = directiveListQuerySchema.extend({
  groupBy: z.enum(directiveStatsGroupings).default('unit'),
});

/**
 * On-time rate of a unit or a group: of its directives that are due (deadline passed) or done, the
 * share reported done on or before the deadline. Null when none is due yet.
 */
export const directiveStatsRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  onTime: z.number().int(),
  overdue: z.number().int(),
  onTimeRate: z.number().min(0).max(1).nullable(),
});
export const directiveStatsSchema = z.object({ groupBy: z.enum(directiveStatsGroupings), rows: z.array(directiveStatsRowSchema) });
export type DirectiveStatsRow = z.infer<typeof directiveStatsRowSchema>;
