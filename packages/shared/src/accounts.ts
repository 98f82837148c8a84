import { z } from 'zod';
import { identitySchema, roleSchema } from './auth.js';

/*
 * Accounts: signing in, changing a password, and the admin's user management. The same schemas
 * validate the HTTP bodies on the server, type the web client and describe the OpenAPI document.
 */

export const entityIdSchema = z.string().min(1).max(64);
/** An instant on the wire: ISO 8601 with a time zone (the server answers in UTC, "…Z"). */
export const instantSchema = z.iso.datetime({ offset: true });

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(48)
  .regex(/^[a-z0-9][a-z0-9._-]{1,47}$/, 'letters, digits, ".", "_" or "-", 2 to 48 characters');

/** At least 8 characters with a letter and a digit: what a meeting-room kiosk can still type. */
export const newPasswordSchema = z
  .string()
  .min(8, 'at least 8 characters')
  .max(128)
  .refine((p) => /\p{L}/u.test(p) && /\d/.test(p), 'must contain a letter and a digit');

export const loginRequestSchema = z
  .object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();

export const sessionSchema = z.object({
  identity: identitySchema,
  /** The account must change its (published demo) password before anything else is allowed. */
  passwordChangeRequired: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(256), newPassword: newPasswordSchema })
  .strict();

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    unitId: z.string().nullable(),
    siteId: z.string().nullable(),
    disabled: z.boolean(),
    /** The account still has the published demo password. */
    passwordPublished: z.boolean(),
  });
export type User = z.infer<typeof userSchema>;

export const userListQuerySchema = z.object({
  role: roleSchema.optional(),
  search: z.string().trim().max(100).optional(),
});
export const userListSchema = z.object({ users: z.array(userSchema) });

const displayNameSchema = z.string().trim().min(1).max(200);

export const userCreateSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: roleSchema,
    unitId: entityIdSchema.nullable().default(null),
    siteId: entityIdSchema.nullable().default(null),
    password: newPasswordSchema,
  })
  .strict()
  .refine((u) => (u.role === 'SITE') === (u.siteId !== null), {
    message: 'a SITE account needs a siteId, and only a SITE account has one',
    path: ['siteId'],
  });
export type UserCreate = z.infer<typeof userCreateSchema>;

/** Admin edits: every field optional. */
export const userUpdateSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    role: roleSchema.optional(),
    unitId: entityIdSchema.nullable().optional(),
    siteId: entityIdSchema.nullable().optional(),
    disabled: z.boolean().optional(),
    password: newPasswordSchema.optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, 'nothing to change');
export type UserUpdate = z.infer<typeof userUpdateSchema>;

export const userResponseSchema = z.object({ user: userSchema });
