import { api, type ApiRouteName, type AuditAction } from '@pm/shared';
import type { AuditLog } from '../../audit/auditLog.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { ApiContext, ApiHandler, ApiHandlers } from './apiRouter.js';

interface AuditRule {
  action: AuditAction;
  /** The act's record when the handler refuses it (a failed sign-in); otherwise refusals are not acts. */
  refused?: AuditAction;
  /** What was there before the act, read just before the handler runs. */
  before?: (prisma: PrismaClient, ctx: ApiContext<ApiRouteName>) => Promise<unknown>;
  /** Whether this call is an act at all (a dry run is not; only a recording's first byte range is a download). */
  when?: (ctx: ApiContext<ApiRouteName>) => boolean;
}

const id = (ctx: ApiContext<ApiRouteName>) => ctx.params.id!;
const exported: AuditRule = { action: 'export.download' };

/**
 * The HTTP routes whose calls are privileged acts, and how each is recorded: one table instead of
 * a call in every handler. The record says who (the session's account), from where (the client's
 * address), what (the action, the path as target), before (read here) and after (the answer, or
 * the query of a file).
 */
const auditedRoutes: Partial<Record<ApiRouteName, AuditRule>> = {
  'auth.login': { action: 'auth.signIn', refused: 'auth.signInFailed' },
  'auth.password': { action: 'auth.passwordChange', refused: 'auth.passwordChange' },
  'users.create': { action: 'user.create' },
  'users.update': { action: 'user.update', before: (prisma, ctx) => prisma.user.findUnique({ where: { id: id(ctx) }, omit: { passwordHash: true } }) },
  'units.create': { action: 'unit.create' },
  'units.update': { action: 'unit.update', before: (prisma, ctx) => prisma.unit.findUnique({ where: { id: id(ctx) } }) },
  'sites.create': { action: 'site.create' },
  'sites.update': { action: 'site.update', before: (prisma, ctx) => prisma.site.findUnique({ where: { id: id(ctx) } }) },
  'sites.import': { action: 'site.import', when: (ctx) => (ctx.query as { dryRun?: boolean } | undefined)?.dryRun !== true },
  'meetings.create': { action: 'meeting.create' },
  'meetings.update': {
    action: 'meeting.update',
    before: (prisma, ctx) => prisma.meeting.findUnique({ where: { id: id(ctx) }, include: { invitations: { select: { siteId: true } }, agenda: true } }),
  },
  'meetings.cancel': { action: 'meeting.cancel', before: (prisma, ctx) => prisma.meeting.findUnique({ where: { id: id(ctx) } }) },
  'minutes.settings': { action: 'minutes.settings', before: (prisma, ctx) => prisma.meetingMinutes.findUnique({ where: { meetingId: id(ctx) } }) },
  'minutes.addEntry': { action: 'minutes.addEntry' },
  'minutes.editEntry': { action: 'minutes.editEntry', before: (prisma, ctx) => prisma.minutesEntry.findUnique({ where: { id: id(ctx) } }) },
  'minutes.removeEntry': { action: 'minutes.removeEntry', before: (prisma, ctx) => prisma.minutesEntry.findUnique({ where: { id: id(ctx) } }) },
  'directives.create': { action: 'directive.create' },
  'directives.update': {
    action: 'directive.update',
    before: (prisma, ctx) => prisma.directive.findUnique({ where: { id: id(ctx) }, include: { units: { select: { unitId: true, role: true } } } }),
  },
  'directives.report': { action: 'directive.report' },
  'directives.attach': { action: 'directive.attach' },
  'attendance.meetingCsv': exported,
  'attendance.meetingXlsx': exported,
  'attendance.meetingPdf': exported,
  'minutes.docx': exported,
  'minutes.pdf': exported,
  'conclusions.docx': exported,
  'conclusions.pdf': exported,
  'recording.file': { action: 'recording.download', when: (ctx) => /^bytes=0-/.test(ctx.req.headers.range ?? 'bytes=0-') },
  'audit.csv': { action: 'audit.export' },
  'node.drain': { action: 'node.drain' },
};

/** A failed act's error, as kept: its code and message, never a stack. */
function refusal(error: unknown): { code?: string; message?: string } {
  const { code, message } = error as { code?: string; message?: string };
  return { code, message };
}

/** The handlers, with every audited route's acts appended to the audit log. */
export function auditHandlers(handlers: ApiHandlers, audit: AuditLog, prisma: PrismaClient): ApiHandlers {
  const wrapped: Partial<Record<ApiRouteName, ApiHandler<ApiRouteName>>> = { ...handlers };
  for (const [name, rule] of Object.entries(auditedRoutes) as Array<[ApiRouteName, AuditRule]>) {
    const handler = handlers[name] as ApiHandler<ApiRouteName>;
    const producesFile = 'produces' in api[name];
    wrapped[name] = async (ctx) => {
      if (rule.when && !rule.when(ctx)) return handler(ctx);
      const before = rule.before ? await rule.before(prisma, ctx) : undefined;
      const act = { identity: ctx.identity, address: ctx.req.ip, target: ctx.req.baseUrl + ctx.req.path, before };
      const claimedName = (ctx.body as { username?: string } | undefined)?.username;
      try {
        const result = await handler(ctx);
        const identity = ctx.identity ?? (result as { identity?: typeof ctx.identity } | undefined)?.identity;
        await audit.record({ ...act, identity, action: rule.action, after: producesFile ? ctx.query : result });
        return result;
      } catch (error) {
        if (rule.refused) await audit.record({ ...act, claimedName, action: rule.refused, after: { refused: refusal(error) } });
        throw error;
      }
    };
  }
  return wrapped as ApiHandlers;
}
