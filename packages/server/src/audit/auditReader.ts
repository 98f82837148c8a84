import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditQuery } from '@pm/shared';
import type { Prisma } from '../db/generated/client.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { csvDocument } from '../util/csv.js';
import { provinceDayStart } from '../util/provinceCalendar.js';

/** More than a year of a busy province's acts; an auditor narrows the period beyond that. */
const MAX_EXPORTED = 50_000;
const DAY_MS = 86_400_000;

type AuditRow = Prisma.AuditEntryGetPayload<object>;

function where(query: AuditQuery): Prisma.AuditEntryWhereInput {
  return {
    ...(query.from || query.to
      ? {
          at: {
            ...(query.from ? { gte: provinceDayStart(query.from) } : {}),
            ...(query.to ? { lt: new Date(provinceDayStart(query.to).getTime() + DAY_MS) } : {}),
          },
        }
      : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.actor ? { actor: { contains: query.actor, mode: 'insensitive' } } : {}),
    ...(query.target ? { target: { contains: query.target } } : {}),
    ...(query.before ? { id: { lt: BigInt(query.before) } } : {}),
  };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actor: row.actor,
    role: row.role,
    address: row.address,
    action: row.action as AuditEntry['action'],
    target: row.target,
    before: row.before,
    after: row.after,
  };
}

/** The audit log as an administrator searches it: newest first, filtered, a page at a time. */
export async function searchAudit(prisma: PrismaClient, query: AuditQuery): Promise<{ entries: AuditEntry[]; more: boolean }> {
  const rows = await prisma.auditEntry.findMany({ where: where(query), orderBy: { id: 'desc' }, take: AUDIT_PAGE_SIZE + 1 });
  return { entries: rows.slice(0, AUDIT_PAGE_SIZE).map(toEntry), more: rows.length > AUDIT_PAGE_SIZE };
}

/** The same search as CSV, oldest first, as an auditor reads a register. */
export async function auditCsv(prisma: PrismaClient, query: AuditQuery): Promise<string> {
  const rows = await prisma.auditEntry.findMany({ where: where(query), orderBy: { id: 'asc' }, take: MAX_EXPORTED });
  const json = (value: unknown) => (value === null ? '' : JSON.stringify(value));
  return csvDocument([
    ['Số', 'Thời điểm (UTC)', 'Tài khoản', 'Vai trò', 'Địa chỉ', 'Hành động', 'Đối tượng', 'Trước', 'Sau'],
    ...rows.map((row) => {
      const entry = toEntry(row);
      return [entry.id, entry.at, entry.actor ?? '', entry.role ?? '', entry.address ?? '', entry.action, entry.target ?? '', json(entry.before), json(entry.after)];
    }),
  ]);
}
