import { z } from 'zod';
import {
  attachmentSchema,
  attachmentTypes,
  attachmentUploadQuerySchema,
  directiveCreateSchema,
  directiveListQuerySchema,
  directiveListSchema,
  directiveReportCreateSchema,
  directiveResponseSchema,
  directiveStatsQuerySchema,
  directiveStatsSchema,
  directiveUpdateSchema,
} from './directives.js';
import { route, type ApiRoute } from './apiRoute.js';
import {
  minutesAgendaItemSchema,
  minutesDocumentSchema,
  minutesEntryCreateSchema,
  minutesEntryResponseSchema,
  minutesEntryUpdateSchema,
  minutesLiveSchema,
  minutesSettingsSchema,
  minutesSettingsUpdateSchema,
  recordsSearchQuerySchema,
  recordsSearchSchema,
  versionQuerySchema,
} from './minutes.js';

/** A generated document's bytes. */
const documentBytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected file bytes');
/** A stored file the handler sends itself (its own media type, HTTP range requests). */
export const storedFile = z.undefined();
const DOCX_TYPE = attachmentTypes.docx;

const exportRoute = (kind: 'minutes' | 'conclusions', format: 'docx' | 'pdf', what: string) =>
  route({
    method: 'get', path: `/api/meetings/:id/${kind}.${format}`, tag: 'minutes',
    summary: `${what} as ${format === 'docx' ? 'a Word document' : 'a PDF'}, in the Vietnamese administrative layout`,
    response: documentBytes, produces: format === 'docx' ? DOCX_TYPE : 'application/pdf',
  });

/** Minutes written live, the directives given, and their follow-up (merged into `api`). */
export const minutesRoutes = {
  'minutes.get': route({ method: 'get', path: '/api/meetings/:id/minutes', tag: 'minutes', summary: 'A meeting’s minutes: particulars, agenda, entries, directives', response: minutesDocumentSchema }),
  'minutes.live': route({
    method: 'get', path: '/api/meetings/:id/minutes/live', tag: 'minutes',
    summary: 'While the meeting runs: who holds the floor, where now is on the timeline, whether entries changed',
    response: minutesLiveSchema,
  }),
  'minutes.agendaItem': route({
    method: 'patch', path: '/api/meetings/:id/minutes/agenda-item', tag: 'minutes',
    summary: 'While the meeting runs: the secretary names the agenda item under discussion (null: none); every room is told, as when the chair does',
    body: minutesAgendaItemSchema, response: minutesAgendaItemSchema,
  }),
  'minutes.settings': route({
    method: 'patch', path: '/api/meetings/:id/minutes', tag: 'minutes',
    summary: 'Set the exported documents’ issuing body, numbers and signer (optimistic: send the version)',
    body: minutesSettingsUpdateSchema, response: minutesSettingsSchema,
  }),
  'minutes.addEntry': route({
    method: 'post', path: '/api/meetings/:id/minutes/entries', tag: 'minutes', summary: 'Add an entry to the minutes',
    body: minutesEntryCreateSchema, response: minutesEntryResponseSchema, status: 201,
  }),
  'minutes.editEntry': route({
    method: 'patch', path: '/api/minutes/entries/:id', tag: 'minutes',
    summary: 'Edit an entry; 409 CONFLICT when someone saved it since the given version',
    body: minutesEntryUpdateSchema, response: minutesEntryResponseSchema,
  }),
  'minutes.removeEntry': route({
    method: 'delete', path: '/api/minutes/entries/:id', tag: 'minutes', summary: 'Remove an entry (at the given version)',
    query: versionQuerySchema, response: z.object({}),
  }),
  'minutes.docx': exportRoute('minutes', 'docx', 'The minutes (biên bản)'),
  'minutes.pdf': exportRoute('minutes', 'pdf', 'The minutes (biên bản)'),
  'conclusions.docx': exportRoute('conclusions', 'docx', 'The conclusions notice (thông báo kết luận)'),
  'conclusions.pdf': exportRoute('conclusions', 'pdf', 'The conclusions notice (thông báo kết luận)'),

  'records.search': route({
    method: 'get', path: '/api/search', tag: 'minutes',
    summary: 'Meetings, minutes entries and directives containing these words (diacritics optional)',
    query: recordsSearchQuerySchema, response: recordsSearchSchema,
  }),

  'directives.list': route({
    method: 'get', path: '/api/directives', tag: 'directives',
    summary: 'Directives across meetings, by unit, status, overdue and deadline period',
    query: directiveListQuerySchema, response: directiveListSchema,
  }),
  // Before 'directives.get', whose `:id` would take "stats".
  'directives.stats': route({
    method: 'get', path: '/api/directives/stats', tag: 'directives', summary: 'On-time rate per responsible unit or per site group',
    query: directiveStatsQuerySchema, response: directiveStatsSchema,
  }),
  'directives.create': route({
    method: 'post', path: '/api/meetings/:id/directives', tag: 'directives',
    summary: 'Give a directive in a meeting (from the minutes or the chair’s console)',
    body: directiveCreateSchema, response: directiveResponseSchema, status: 201,
  }),
  'directives.get': route({ method: 'get', path: '/api/directives/:id', tag: 'directives', summary: 'One directive with its reports', response: directiveResponseSchema }),
  'directives.update': route({
    method: 'patch', path: '/api/directives/:id', tag: 'directives',
    summary: 'Edit a directive, confirm its reported result or send it back (optimistic: send the version)',
    body: directiveUpdateSchema, response: directiveResponseSchema,
  }),
  'directives.report': route({
    method: 'post', path: '/api/directives/:id/reports', tag: 'directives',
    summary: 'A responsible unit reports progress, or that the work is done',
    body: directiveReportCreateSchema, response: directiveResponseSchema, status: 201,
  }),
  'directives.attach': route({
    method: 'post', path: '/api/directives/:id/reports/:reportId/attachments', tag: 'directives',
    summary: 'Attach a file (PDF, PNG, JPEG, DOCX, XLSX; up to 5 MB) to one of the unit’s reports',
    query: attachmentUploadQuerySchema, upload: Object.values(attachmentTypes),
    response: z.object({ attachment: attachmentSchema }), status: 201,
  }),
  'attachments.get': route({
    method: 'get', path: '/api/attachments/:id', tag: 'directives', summary: 'Download a report’s attachment',
    response: storedFile, produces: 'application/octet-stream',
  }),
} as const satisfies Record<string, ApiRoute>;
