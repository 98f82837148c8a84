import { exportDocument, type ExportFormat, type ExportKind } from '../../minutes/exports/documentExports.js';
import { MinutesEntries } from '../../minutes/minutesEntries.js';
import { minutesDocument } from '../../minutes/minutesDocument.js';
import { minutesLive, setMinutesAgendaItem } from '../../minutes/minutesLive.js';
import { MinutesSettingsStore } from '../../minutes/minutesSettings.js';
import { assertMayWriteRecords } from '../../meetings/schedule/meetingAccess.js';
import { searchRecords } from '../../minutes/recordsSearch.js';
import type { ApiDeps, HandlerGroup } from './apiDeps.js';
import type { ApiContext } from './apiRouter.js';

type MinutesRoutes =
  | 'minutes.get'
  | 'minutes.live'
  | 'minutes.agendaItem'
  | 'minutes.settings'
  | 'minutes.addEntry'
  | 'minutes.editEntry'
  | 'minutes.removeEntry'
  | 'minutes.docx'
  | 'minutes.pdf'
  | 'conclusions.docx'
  | 'conclusions.pdf'
  | 'records.search';

/** The minutes written live, their particulars, and the exported documents. */
export function minutesApi({ prisma, running }: ApiDeps): HandlerGroup<MinutesRoutes> {
  const entries = new MinutesEntries(prisma);
  const settings = new MinutesSettingsStore(prisma);
  const exported = (kind: ExportKind, format: ExportFormat) => async ({ identity, params, res }: ApiContext<`${ExportKind}.${ExportFormat}`>) => {
    const { fileName, bytes } = await exportDocument(prisma, settings, identity, params.id!, kind, format);
    res.attachment(fileName);
    return bytes;
  };
  return {
    'minutes.get': async ({ identity, params }) => minutesDocument(prisma, settings, identity, params.id!),
    'minutes.live': async ({ identity, params }) => minutesLive(prisma, running, identity, params.id!),
    'minutes.agendaItem': async ({ identity, params, body }) => setMinutesAgendaItem(prisma, running, identity, params.id!, body.position),
    'minutes.settings': async ({ identity, params, body }) => {
      await assertMayWriteRecords(prisma, identity, params.id!);
      return settings.update(params.id!, body);
    },
    'minutes.addEntry': async ({ identity, params, body }) => ({ entry: await entries.create(identity, params.id!, body) }),
    'minutes.editEntry': async ({ identity, params, body }) => ({ entry: await entries.update(identity, params.id!, body) }),
    'minutes.removeEntry': async ({ identity, params, query }) => {
      await entries.remove(identity, params.id!, query.version);
      return {};
    },
    'minutes.docx': exported('minutes', 'docx'),
    'minutes.pdf': exported('minutes', 'pdf'),
    'conclusions.docx': exported('conclusions', 'docx'),
    'conclusions.pdf': exported('conclusions', 'pdf'),
    'records.search': async ({ identity, query }) => searchRecords(prisma, identity, query.q),
  };
}
