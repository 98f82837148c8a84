import path from 'node:path';
import { AttachmentFiles } from '../../directives/attachmentFiles.js';
import { DirectiveReader } from '../../directives/directiveReader.js';
import { DirectiveReports } from '../../directives/directiveReports.js';
import { directiveStats } from '../../directives/directiveStats.js';
import { DirectiveWriter } from '../../directives/directiveWriter.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';
import { sendStoredFile } from './sendStoredFile.js';

type DirectiveRoutes =
  | 'directives.list'
  | 'directives.stats'
  | 'directives.create'
  | 'directives.get'
  | 'directives.update'
  | 'directives.report'
  | 'directives.attach'
  | 'attachments.get';

/** Directives: given in meetings, tracked across them, reported on by the responsible units. */
export function directivesApi({ prisma, dataDir, dataDirSpace, attachmentQuota }: ApiDeps): HandlerGroup<DirectiveRoutes> {
  const reader = new DirectiveReader(prisma);
  const writer = new DirectiveWriter(prisma);
  const files = new AttachmentFiles(path.join(dataDir, 'attachments'));
  const reports = new DirectiveReports(prisma, reader, { files, space: dataDirSpace, quota: attachmentQuota });
  return {
    'directives.list': async ({ identity, query }) => ({ directives: await reader.list(identity, query) }),
    'directives.stats': async ({ identity, query }) => ({ groupBy: query.groupBy, rows: await directiveStats(prisma, reader, identity, query) }),
    'directives.create': async ({ identity, params, body }) => {
      const directiveId = await writer.create(identity, params.id!, body);
      return { directive: await reader.get(identity, directiveId) };
    },
    'directives.get': async ({ identity, params }) => ({ directive: await reader.get(identity, params.id!) }),
    'directives.update': async ({ identity, params, body }) => {
      await writer.update(identity, params.id!, body);
      return { directive: await reader.get(identity, params.id!) };
    },
    'directives.report': async ({ identity, params, body }) => ({ directive: await reports.report(identity, params.id!, body) }),
    'directives.attach': async ({ identity, params, query, upload }) => ({
      attachment: await reports.attach(identity, params.id!, params.reportId!, query.fileName, upload!),
    }),
    'attachments.get': async ({ identity, params, res }) => {
      const file = await reports.download(identity, params.id!);
      await sendStoredFile(res, file.path, file.contentType, file.fileName);
      return undefined;
    },
  };
}
