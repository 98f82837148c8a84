import { z } from 'zod';

/**
 * Roles of the platform. A site account is the account of one meeting room; secretariat and
 * viewer accounts may be scoped to a unit (a district's secretariat manages its own communes).
 */
export const roles = ['ADMIN', 'SECRETARIAT', 'CHAIR', 'OPERATOR', 'SITE', 'VIEWER'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Who is calling: resolved from the session cookie for HTTP and socket.io alike. */
export const identitySchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** The unit this account is limited to, if any. */
  unitId: z.string().nullable(),
  /** The meeting room this account operates (role SITE). */
  siteId: z.string().nullable(),
});
export type Identity = z.infer<typeof identitySchema>;
