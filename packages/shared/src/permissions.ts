import type { Role } from './auth.js';

/**
 * What an account may do, as one list: every HTTP route and every socket request names the
 * permission it needs (server/src/auth/authorization.ts), and screens hide what the account
 * cannot use. Unit scope (a district's secretariat and its communes) is checked on top, by the
 * domain modules, against the data itself.
 */
export const permissions = [
  /** See and end one's own session, change one's own password. */
  'session',
  'users.read',
  'users.manage',
  'directory.read',
  'directory.manage',
  /** Read scheduled meetings (a site: only those it is invited to). */
  'meetings.read',
  'meetings.manage',
  /** Every invited site's technical-check readiness. */
  'meetings.readiness',
  /** Post the result of one's own meeting room's technical check. */
  'checks.report',
  /** Technical check and media transports. */
  'media.use',
  'meeting.join',
  'floor.request',
  'floor.control',
  'wall.watch',
  /** Answer roll calls, declare the room's headcount, report the kiosk's connection figures. */
  'attendance.confirm',
  /** Start roll calls, correct any site's headcount. */
  'attendance.manage',
  /** Attendance reports of meetings and periods. */
  'attendance.read',
  /** Minutes (biên bản) of the meetings the account sees. */
  'minutes.read',
  /** Write the minutes live; set the exported documents' particulars. */
  'minutes.write',
  /** The directives tracker (a meeting room and a unit's accounts: their own unit's directives). */
  'directives.read',
  /** Give, edit and confirm directives. */
  'directives.manage',
  /** Report progress on one's own unit's directives, with attachments. */
  'directives.report',
  /** Start, pause and stop a meeting's recording. */
  'recording.control',
  /** Watch recordings on the review page. */
  'recordings.read',
  /** Drain a node of the cluster before maintenance. */
  'node.drain',
  /** Read and export the audit log. */
  'audit.read',
] as const;
export type Permission = (typeof permissions)[number];

const live: Permission[] = ['media.use', 'meeting.join', 'floor.control', 'wall.watch', 'attendance.manage', 'attendance.read'];
/** What staff and viewers read after a meeting: minutes, directives, recordings. */
const records: Permission[] = ['minutes.read', 'directives.read', 'recordings.read'];

export const rolePermissions: Record<Role, readonly Permission[]> = {
  ADMIN: [
    'session', 'users.read', 'users.manage', 'directory.read', 'directory.manage',
    'meetings.read', 'meetings.manage', 'meetings.readiness', ...live,
    ...records, 'minutes.write', 'directives.manage', 'recording.control', 'node.drain',
    'audit.read',
  ],
  SECRETARIAT: [
    'session', 'users.read', 'directory.read', 'directory.manage', 'meetings.read', 'meetings.manage',
    'meetings.readiness', 'attendance.read',
    ...records, 'minutes.write', 'directives.manage', 'directives.report',
  ],
  CHAIR: ['session', 'directory.read', 'meetings.read', 'meetings.readiness', ...live, ...records, 'directives.manage', 'recording.control'],
  OPERATOR: ['session', 'directory.read', 'meetings.read', 'meetings.readiness', ...live, ...records, 'recording.control'],
  SITE: [
    'session', 'meetings.read', 'checks.report', 'media.use', 'meeting.join', 'floor.request', 'attendance.confirm',
    'directives.read', 'directives.report',
  ],
  VIEWER: ['session', 'directory.read', 'meetings.read', 'attendance.read', ...records],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
