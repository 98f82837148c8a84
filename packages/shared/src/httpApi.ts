import { z } from 'zod';
import {
  attendancePeriodQuerySchema,
  attendancePeriodReportSchema,
  meetingAttendanceReportSchema,
} from './attendance.js';
import {
  loginRequestSchema,
  passwordChangeSchema,
  sessionSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userResponseSchema,
  userUpdateSchema,
} from './accounts.js';
import {
  importFormats,
  siteCreateSchema,
  siteImportQuerySchema,
  siteImportReportSchema,
  siteListQuerySchema,
  siteListSchema,
  siteMoveSchema,
  siteGroupCreateSchema,
  siteGroupListSchema,
  siteGroupResponseSchema,
  siteGroupUpdateSchema,
  siteResponseSchema,
  siteUpdateSchema,
  unitCreateSchema,
  unitHistorySchema,
  unitImportReportSchema,
  unitListSchema,
  unitMergeResultSchema,
  unitMergeSchema,
  unitRenameSchema,
  unitResponseSchema,
  unitRetireSchema,
  unitUpdateSchema,
} from './directory.js';
import { route, type ApiRoute } from './apiRoute.js';
import { minutesRoutes } from './minutesApi.js';
import { recordingRoutes } from './recordingApi.js';
import { operationsRoutes } from './operations.js';
import { auditRoutes } from './audit.js';
import {
  checkReceiptSchema,
  checkReportSchema,
  meetingCancelSchema,
  meetingCreateSchema,
  meetingListQuerySchema,
  meetingListSchema,
  meetingResponseSchema,
  meetingUpdateSchema,
  meetingWriteResultSchema,
  overlapCheckSchema,
  overlapListSchema,
  readinessSchema,
} from './schedule.js';

/** A file produced by the server (exports). */
const binary = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected file bytes');
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const done = z.object({});

export const api = {
  'auth.login': route({
    method: 'post', path: '/api/auth/login', tag: 'auth',
    summary: 'Sign in: sets the httpOnly session cookie pm_session',
    body: loginRequestSchema, response: sessionSchema,
  }),
  'auth.logout': route({ method: 'post', path: '/api/auth/logout', tag: 'auth', summary: 'End this session', response: done }),
  'auth.me': route({ method: 'get', path: '/api/auth/me', tag: 'auth', summary: 'Who is signed in', response: sessionSchema }),
  'auth.password': route({
    method: 'post', path: '/api/auth/password', tag: 'auth',
    summary: 'Change one’s own password (ends the account’s other sessions)',
    body: passwordChangeSchema, response: done,
  }),

  'users.list': route({ method: 'get', path: '/api/users', tag: 'users', summary: 'List accounts', query: userListQuerySchema, response: userListSchema }),
  'users.create': route({ method: 'post', path: '/api/users', tag: 'users', summary: 'Create an account', body: userCreateSchema, response: userResponseSchema, status: 201 }),
  'users.update': route({
    method: 'patch', path: '/api/users/:id', tag: 'users',
    summary: 'Edit, disable or reset the password of an account',
    body: userUpdateSchema, response: userResponseSchema,
  }),

  'units.list': route({ method: 'get', path: '/api/units', tag: 'directory', summary: 'The tree of units, with site counts', response: unitListSchema }),
  'units.create': route({ method: 'post', path: '/api/units', tag: 'directory', summary: 'Create a unit', body: unitCreateSchema, response: unitResponseSchema, status: 201 }),
  'units.update': route({ method: 'patch', path: '/api/units/:id', tag: 'directory', summary: 'Rename or disable a unit', body: unitUpdateSchema, response: unitResponseSchema }),

  'units.merge': route({
    method: 'post', path: '/api/units/merge', tag: 'directory', summary: 'Merge units into one, effective from a day',
    body: unitMergeSchema, response: unitMergeResultSchema,
  }),
  'units.history': route({
    method: 'get', path: '/api/units/:id/history', tag: 'directory', summary: 'What the reorganisations did to a unit, day by day',
    response: unitHistorySchema,
  }),
  'units.rename': route({
    method: 'post', path: '/api/units/:id/rename', tag: 'directory', summary: 'Rename a unit by decision, effective from a day',
    body: unitRenameSchema, response: unitResponseSchema,
  }),
  'units.retire': route({
    method: 'post', path: '/api/units/:id/retire', tag: 'directory', summary: 'Retire a unit without rooms, effective from a day',
    body: unitRetireSchema, response: unitResponseSchema,
  }),
  'units.import': route({
    method: 'post', path: '/api/units/import', tag: 'directory',
    summary: 'Apply the official list of units (code, name, parent, effective day, formed from) from CSV or XLSX: every row or none',
    query: siteImportQuerySchema, upload: Object.values(importFormats), response: unitImportReportSchema,
  }),
  'sites.move': route({
    method: 'post', path: '/api/sites/:id/move', tag: 'directory', summary: 'Move a meeting room to another unit, effective from a day',
    body: siteMoveSchema, response: siteResponseSchema,
  }),
  'sites.list': route({ method: 'get', path: '/api/sites', tag: 'directory', summary: 'Search and filter meeting rooms', query: siteListQuerySchema, response: siteListSchema }),
  'sites.get': route({ method: 'get', path: '/api/sites/:id', tag: 'directory', summary: 'One meeting room', response: siteResponseSchema }),
  'sites.create': route({ method: 'post', path: '/api/sites', tag: 'directory', summary: 'Create a meeting room', body: siteCreateSchema, response: siteResponseSchema, status: 201 }),
  'sites.update': route({ method: 'patch', path: '/api/sites/:id', tag: 'directory', summary: 'Edit or disable a meeting room (another unit: a move effective today, as sites.move)', body: siteUpdateSchema, response: siteResponseSchema }),
  'siteGroups.list': route({ method: 'get', path: '/api/site-groups', tag: 'directory', summary: 'Site groups, with their sites', response: siteGroupListSchema }),
  'siteGroups.create': route({
    method: 'post', path: '/api/site-groups', tag: 'directory', summary: 'Create a site group', body: siteGroupCreateSchema, response: siteGroupResponseSchema, status: 201,
  }),
  'siteGroups.update': route({
    method: 'patch', path: '/api/site-groups/:id', tag: 'directory', summary: 'Rename a site group or set its sites', body: siteGroupUpdateSchema, response: siteGroupResponseSchema,
  }),
  'siteGroups.delete': route({ method: 'delete', path: '/api/site-groups/:id', tag: 'directory', summary: 'Delete a site group (its sites stay)', response: done }),
  'sites.import': route({
    method: 'post', path: '/api/sites/import', tag: 'directory',
    summary: 'Import meeting rooms from CSV or XLSX: every row or none, with a per-row report',
    query: siteImportQuerySchema, upload: Object.values(importFormats), response: siteImportReportSchema,
  }),

  'meetings.list': route({ method: 'get', path: '/api/meetings', tag: 'meetings', summary: 'Meetings the caller may see, by start', query: meetingListQuerySchema, response: meetingListSchema }),
  'meetings.create': route({
    method: 'post', path: '/api/meetings', tag: 'meetings',
    summary: 'Schedule a meeting (or a weekly/monthly series) and invite sites',
    body: meetingCreateSchema, response: meetingWriteResultSchema, status: 201,
  }),
  'meetings.get': route({ method: 'get', path: '/api/meetings/:id', tag: 'meetings', summary: 'One meeting with its agenda and invited sites', response: meetingResponseSchema }),
  'meetings.update': route({ method: 'patch', path: '/api/meetings/:id', tag: 'meetings', summary: 'Edit one meeting; invited sites are told', body: meetingUpdateSchema, response: meetingWriteResultSchema }),
  'meetings.cancel': route({ method: 'post', path: '/api/meetings/:id/cancel', tag: 'meetings', summary: 'Cancel a meeting (or it and the rest of its series)', body: meetingCancelSchema, response: meetingResponseSchema }),
  'meetings.overlaps': route({ method: 'post', path: '/api/meetings/overlaps', tag: 'meetings', summary: 'Which of these sites are invited elsewhere at that time', body: overlapCheckSchema, response: overlapListSchema }),
  'meetings.invitation': route({
    method: 'get', path: '/api/meetings/:id/invitation.ics', tag: 'meetings',
    summary: 'The invitation as an iCalendar (RFC 5545) event', response: z.string(), produces: 'text/calendar',
  }),
  'meetings.readiness': route({ method: 'get', path: '/api/meetings/:id/readiness', tag: 'meetings', summary: 'Technical-check readiness of every invited site', response: readinessSchema }),

  'checks.report': route({ method: 'post', path: '/api/checks', tag: 'checks', summary: 'A meeting room reports its technical check', body: checkReportSchema, response: checkReceiptSchema, status: 201 }),

  'attendance.meeting': route({
    method: 'get', path: '/api/meetings/:id/attendance', tag: 'attendance',
    summary: 'Attendance of every invited site: presence, lateness, headcount, roll calls, connection quality',
    response: meetingAttendanceReportSchema,
  }),
  'attendance.meetingCsv': route({
    method: 'get', path: '/api/meetings/:id/attendance.csv', tag: 'attendance',
    summary: 'The attendance report as CSV (UTF-8, for spreadsheets)', response: z.string(), produces: 'text/csv',
  }),
  'attendance.meetingXlsx': route({
    method: 'get', path: '/api/meetings/:id/attendance.xlsx', tag: 'attendance',
    summary: 'The attendance report as an Excel workbook', response: binary, produces: XLSX_TYPE,
  }),
  'attendance.meetingPdf': route({
    method: 'get', path: '/api/meetings/:id/attendance.pdf', tag: 'attendance',
    summary: 'The attendance report as a printable A4 PDF', response: binary, produces: 'application/pdf',
  }),
  'attendance.period': route({
    method: 'get', path: '/api/attendance', tag: 'attendance',
    summary: 'Attendance rates per site, per unit and per site group over a period',
    query: attendancePeriodQuerySchema, response: attendancePeriodReportSchema,
  }),
  'attendance.periodCsv': route({
    method: 'get', path: '/api/attendance.csv', tag: 'attendance',
    summary: 'Attendance rates over a period as CSV (UTF-8, for spreadsheets)',
    query: attendancePeriodQuerySchema, response: z.string(), produces: 'text/csv',
  }),

  ...minutesRoutes,
  ...recordingRoutes,
  ...operationsRoutes,
  ...auditRoutes,
} as const satisfies Record<string, ApiRoute>;

export type ApiRouteName = keyof typeof api;
type Def<N extends ApiRouteName> = (typeof api)[N];
type Field<N extends ApiRouteName, K extends 'body' | 'query'> = Def<N> extends Record<K, infer S extends z.ZodType> ? S : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a caller sends. */
export type ApiBodyInput<N extends ApiRouteName> = In<Field<N, 'body'>>;
export type ApiQueryInput<N extends ApiRouteName> = In<Field<N, 'query'>>;
/** What the server works with after validation. */
export type ApiBody<N extends ApiRouteName> = Out<Field<N, 'body'>>;
export type ApiQuery<N extends ApiRouteName> = Out<Field<N, 'query'>>;
export type ApiResponse<N extends ApiRouteName> = z.output<Def<N>['response']>;
