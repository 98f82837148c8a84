import { z } from 'zod';
import { entityIdSchema } from './accounts.js';

/* The directory: administrative units in a tree, and their meeting rooms (sites, "điểm cầu"). */

export const unitKinds = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'COMMUNE'] as const;
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

/** Readable, stable codes such as HUYEN-HOANGHOA: upper-case letters, digits and "-". */
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
