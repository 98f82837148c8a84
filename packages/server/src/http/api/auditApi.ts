import { auditCsv, searchAudit } from '../../audit/auditReader.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';

/** The audit log, for administrators: searched on screen, exported as CSV. */
export function auditApi({ prisma }: ApiDeps): HandlerGroup<'audit.list' | 'audit.csv'> {
  return {
    'audit.list': async ({ query }) => searchAudit(prisma, query),
    'audit.csv': async ({ query, res }) => {
      res.attachment(`nhat-ky-kiem-toan-${new Date().toISOString().slice(0, 10)}.csv`);
      return auditCsv(prisma, query);
    },
  };
}
