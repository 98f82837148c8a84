import { z } from 'zod';
import { route, type ApiRoute } from './apiRoute.js';
import { roleSchema } from './auth.js';

/**
 * The audit log: every privileged act, appended and never changed. An auditor reads it on the
 * administrator's screen or as CSV; the server writes it from the edges of the HTTP API and the
 * socket protocol (server/src/audit).
 */
export const auditActions = [
  'auth.signIn',
  'auth.signInFailed',
  'auth.passwordChange',
  'user.create',
  'user.update',
  'unit.create',
  'unit.update',
  'site.create',
  'site.update',
  'site.import',
  'meeting.create',
  'meeting.update',
  'meeting.cancel',
  'floor.grant',
  'floor.revoke',
  'floor.next',
  'floor.muteAll',
  'floor.mute',
  'floor.front',
  'floor.callBack',
  'floor.spotlight',
  'recording.start',
  'recording.pause',
  'recording.stop',
  'recording.download',
  'minutes.settings',
  'minutes.addEntry',
  'minutes.editEntry',
  'minutes.removeEntry',
  'directive.create',
  'directive.update',
  'directive.report',
  'directive.attach',
  'export.download',
  'audit.export',
  'node.drain',
] as const;
export const auditActionSchema = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  /** The account's username at the time (kept even if the account is renamed), or what a failed sign-in typed. */
  actor: z.string().nullable(),
  role: roleSchema.nullable(),
  /** The client's address as the node saw it (behind a proxy: the proxy's forwarded address). */
  address: z.string().nullable(),
  action: auditActionSchema,
  /** What was acted on: `minutes entry ckx…`, `meeting ckx…`, the exported file's route. */
  target: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const AUDIT_PAGE_SIZE = 200;

export const auditQuerySchema = z
  .object({
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    action: auditActionSchema.optional(),
    /** Part of the username. */
    actor: z.string().trim().max(100).optional(),
    /** Part of the target (an id). */
    target: z.string().trim().max(100).optional(),
    /** Entries older than this one's id (the next page). */
    before: z.string().max(40).regex(/^\d+$/).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** Merged into `api`. */
export const auditRoutes = {
  'audit.list': route({
    method: 'get', path: '/api/audit', tag: 'operations',
    summary: 'The audit log, newest first, a page at a time: who did what, when, from where, before and after',
    query: auditQuerySchema, response: z.object({ entries: z.array(auditEntrySchema), more: z.boolean() }),
  }),
  'audit.csv': route({
    method: 'get', path: '/api/audit.csv', tag: 'operations',
    summary: 'The audit log as CSV, with the same filters (at most 50,000 entries)',
    query: auditQuerySchema, response: z.string(), produces: 'text/csv',
  }),
} as const satisfies Record<string, ApiRoute>;
