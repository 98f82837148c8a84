import { z } from 'zod';
import { entityIdSchema } from './accounts.js';

/* The directory: administrative units in a tree, and their meeting rooms (sites, "điểm cầu"). */

/** DISTRICT only in directories from before the 2025 reform, which ended the district level. */
export const unitKinds = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE', 'WARD'] as const;
export const unitKindSchema = z.enum(unitKinds);
export type UnitKind = z.infer<typeof unitKindSchema>;

/** A unit as listed: the tree is rebuilt by the client from `parentId`, in `sortOrder`. */
export const unitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  parentId: z.string().nullable(),
  sortOrder: z.number().int(),
  disabled: z.boolean(),
  /** Active sites of this unit itself. */
  siteCount: z.number().int(),
});
export type Unit = z.infer<typeof unitSchema>;
export const unitListSchema = z.object({ units: z.array(unitSchema) });

/** Stable codes such as SO-YTE or 15865 (a national unit code): upper-case letters, digits and "-". */
export const codeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .max(48)
  .regex(/^[A-Z0-9][A-Z0-9-]{1,47}$/, 'letters A–Z, digits and "-", 2 to 48 characters');
const nameSchema = z.string().trim().min(2, 'at least 2 characters').max(200);

export const unitCreateSchema = z
  .object({ code: codeSchema, name: nameSchema, kind: unitKindSchema, parentId: entityIdSchema.nullable() })
  .strict();
export const unitUpdateSchema = z
  .object({ name: nameSchema.optional(), disabled: z.boolean().optional(), sortOrder: z.number().int().min(0).optional() })
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export const unitResponseSchema = z.object({ unit: unitSchema });

/*
 * Reorganisations, effective from a day (YYYY-MM-DD, today or earlier: a change decided for a later
 * day is entered on that day). Records of meetings before that day keep the names of their day.
 */
const effectiveSchema = z.iso.date();
/** A renaming by decision (not a typo's correction, which `units.update` makes). */
export const unitRenameSchema = z.object({ name: nameSchema, effective: effectiveSchema }).strict();
export const unitRetireSchema = z.object({ effective: effectiveSchema }).strict();
/** Several units merged into one, existing or new: their rooms, accounts and open directives pass to it. */
export const unitMergeSchema = z
  .object({
    predecessorIds: z.array(entityIdSchema).min(1).max(50),
    successor: z.union([
      z.object({ unitId: entityIdSchema }).strict(),
      z.object({ code: codeSchema, name: nameSchema, kind: z.enum(['COMMUNE', 'WARD', 'DEPARTMENT']) }).strict(),
    ]),
    effective: effectiveSchema,
  })
  .strict();
export type UnitMerge = z.infer<typeof unitMergeSchema>;
export const unitMergeResultSchema = z.object({
  unit: unitSchema,
  movedSites: z.number().int(),
  passedDirectives: z.number().int(),
});
export type UnitMergeResult = z.infer<typeof unitMergeResultSchema>;

/**
 * What the reorganisations did to a unit, oldest first, each on the day it took effect: renamed,
 * other units merged into it, merged into another, retired, rooms moved in or out (a merger's
 * rooms are told by the merger).
 */
const historyDay = z.iso.date();
export const unitHistoryEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('renamed'), day: historyDay, from: z.string(), to: z.string() }),
  z.object({ kind: z.literal('mergedIn'), day: historyDay, unitName: z.string() }),
  z.object({ kind: z.literal('mergedInto'), day: historyDay, unitName: z.string() }),
  z.object({ kind: z.literal('retired'), day: historyDay }),
  /** A room came from `unitName`. */
  z.object({ kind: z.literal('roomIn'), day: historyDay, siteName: z.string(), unitName: z.string() }),
  /** A room went to `unitName`. */
  z.object({ kind: z.literal('roomOut'), day: historyDay, siteName: z.string(), unitName: z.string() }),
]);
export type UnitHistoryEvent = z.infer<typeof unitHistoryEventSchema>;
export const unitHistorySchema = z.object({ events: z.array(unitHistoryEventSchema) });

/** Vietnamese telephone numbers as people write them: 0912 345 678, +84 237 3852 666, 0237.3852.666. */
export const phoneSchema = z
  .string()
  .trim()
  .max(20)
  .regex(/^(\+84|0)[\d .-]{8,14}$/, 'a Vietnamese phone number, e.g. 0912 345 678')
  .refine((p) => p.replace(/\D/g, '').length >= 9 && p.replace(/\D/g, '').length <= 12, 'has too few or too many digits');

/** Free text that may be left empty: "" and null both mean "none"; absent means "none" too. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
/** As above for edits, where absent means "leave as it is". */
const editableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

export const siteSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  equipmentNotes: z.string().nullable(),
  disabled: z.boolean(),
  /** Username of the meeting room's account, if it has one. */
  account: z.string().nullable(),
});
export type Site = z.infer<typeof siteSchema>;

const siteFields = {
  name: nameSchema,
  unitId: entityIdSchema,
  contactName: optionalText(200),
  contactPhone: phoneSchema.nullable().optional().transform((v) => v ?? null),
  address: optionalText(500),
  equipmentNotes: optionalText(1000),
};
export const siteCreateSchema = z.object({ code: codeSchema, ...siteFields }).strict();
export type SiteCreate = z.infer<typeof siteCreateSchema>;
export const siteUpdateSchema = z
  .object({
    name: siteFields.name.optional(),
    unitId: siteFields.unitId.optional(),
    contactName: editableText(200),
    contactPhone: phoneSchema.nullable().optional(),
    address: editableText(500),
    equipmentNotes: editableText(1000),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to change');
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;
export const siteResponseSchema = z.object({ site: siteSchema });
export const siteMoveSchema = z.object({ unitId: entityIdSchema, effective: effectiveSchema }).strict();

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
export const siteListQuerySchema = z.object({
  /** Sites of this unit and every unit below it. */
  unitId: entityIdSchema.optional(),
  /** Matches name, code, contact or address, without regard to case or diacritics. */
  search: z.string().trim().max(100).optional(),
  includeDisabled: booleanQuery.optional(),
});
export const siteListSchema = z.object({ sites: z.array(siteSchema), total: z.number().int() });

export const importFormats = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const siteImportQuerySchema = z.object({
  /** Validate and report without writing anything. */
  dryRun: booleanQuery.optional(),
});
export const importRowErrorSchema = z.object({
  /** Spreadsheet row number (the header is row 1). */
  row: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;
/** All or nothing: `applied` is true only when every row was valid and the import was not a dry run. */
export const siteImportReportSchema = z.object({
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type SiteImportReport = z.infer<typeof siteImportReportSchema>;
/** The official list of units applied: all or nothing, as for rooms. */
export const unitImportReportSchema = z.object({
  applied: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  renamed: z.number().int(),
  /** Units merged into the ones listed. */
  merged: z.number().int(),
  errors: z.array(importRowErrorSchema),
});
export type UnitImportReport = z.infer<typeof unitImportReportSchema>;

/**
 * Site groups: named sets of meeting rooms the secretariat invites in one click and reports by
 * (former district areas, regions, all communes, all wards, all departments, ad-hoc committees).
 * A site may be in several.
 */
export const siteGroupKinds = ['FORMER_DISTRICT', 'REGION', 'UNIT_KIND', 'CUSTOM'] as const;
export const siteGroupKindSchema = z.enum(siteGroupKinds);
export type SiteGroupKind = z.infer<typeof siteGroupKindSchema>;

/** More than the 348 rooms of a province, so a group may hold them all. */
export const MAX_GROUP_SITES = 1000;

export const siteGroupSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: siteGroupKindSchema,
  sortOrder: z.number().int(),
  /** Its active sites (for a scoped account: those within its scope). */
  siteIds: z.array(z.string()),
});
export type SiteGroup = z.infer<typeof siteGroupSchema>;
export const siteGroupListSchema = z.object({ groups: z.array(siteGroupSchema) });
export const siteGroupResponseSchema = z.object({ group: siteGroupSchema });

const groupSiteIdsSchema = z.array(entityIdSchema).max(MAX_GROUP_SITES);
export const siteGroupCreateSchema = z
  .object({ code: codeSchema, name: nameSchema, kind: siteGroupKindSchema.default('CUSTOM'), siteIds: groupSiteIdsSchema })
  .strict();
export type SiteGroupCreate = z.infer<typeof siteGroupCreateSchema>;
export const siteGroupUpdateSchema = z
  .object({ name: nameSchema.optional(), siteIds: groupSiteIdsSchema.optional() })
  .strict()
  .refine((u) => Object.values(u).some((v) => v !== undefined), 'nothing to change');
export type SiteGroupUpdate = z.infer<typeof siteGroupUpdateSchema>;
