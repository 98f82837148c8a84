import type { AuditAction, Identity } from '@pm/shared';
import type { Prisma } from '../db/generated/client.js';
import type { PrismaClient } from '../db/prismaClient.js';
import type { Logger } from '../logger.js';

/** One privileged act, as the edge that saw it tells it. */
export interface AuditAct {
  action: AuditAction;
  /** The signed-in account; undefined for a failed sign-in. */
  identity: Identity | undefined;
  /** Who it was when no account is signed in: the username a failed sign-in typed. */
  claimedName?: string;
  /** The client's address as this node saw it. */
  address: string | undefined;
  target?: string | undefined;
  before?: unknown;
  after?: unknown;
}

/** The port every privileged act is recorded through: appended, never changed. */
export interface AuditLog {
  record(act: AuditAct): Promise<void>;
}

/** Secrets never reach the log: any field whose name says password or token. */
const SECRET_KEY = /password|token|secret/i;

/** A value as it is kept: plain JSON, secrets replaced, long texts cut (the log is a record, not a copy). */
export function auditValue(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, field: unknown) => {
      if (SECRET_KEY.test(key)) return '***';
      if (typeof field === 'string' && field.length > 4000) return `${field.slice(0, 4000)}…`;
      return field;
    }),
  ) as Prisma.InputJsonValue;
}

/** The audit log in its own table, which the database itself keeps append-only. */
export class PrismaAuditLog implements AuditLog {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly log: Logger,
  ) {}

  async record(act: AuditAct): Promise<void> {
    const row = {
      action: act.action,
      actorUserId: act.identity?.userId ?? null,
      actor: act.identity?.username ?? act.claimedName?.slice(0, 100) ?? null,
      role: act.identity?.role ?? null,
      address: act.address ?? null,
      target: act.target ?? null,
      before: auditValue(act.before),
      after: auditValue(act.after),
    };
    try {
      await this.prisma.auditEntry.create({ data: row });
    } catch (err) {
      // The act has happened already: losing its record is an operator's alarm, not the user's error.
      this.log.error({ err, audit: { ...row, before: undefined, after: undefined } }, 'could not append to the audit log');
    }
  }
}
