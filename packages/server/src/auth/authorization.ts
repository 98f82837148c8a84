import { can, CodedError, type ApiError, type ApiRouteName, type Identity, type Permission, type RequestName } from '@pm/shared';
import type { UnitTree } from '../directory/unitTree.js';

/**
 * Who may do what. Every HTTP route and every socket request names the permission it needs here;
 * roles map to permissions in one list (packages/shared/src/permissions.ts). A route missing from
 * these tables does not compile.
 */
export const routeAccess = {
  'auth.login': 'public',
  'auth.logout': 'session',
  'auth.me': 'session',
  'auth.password': 'session',
  'users.list': 'users.read',
  'users.create': 'users.manage',
  'users.update': 'users.manage',
  'units.list': 'directory.read',
  'units.create': 'directory.manage',
  'units.update': 'directory.manage',
  'units.merge': 'directory.manage',
  'units.history': 'directory.read',
  'units.rename': 'directory.manage',
  'units.retire': 'directory.manage',
  'units.import': 'directory.manage',
  'sites.move': 'directory.manage',
  'sites.list': 'directory.read',
  'sites.get': 'directory.read',
  'sites.create': 'directory.manage',
  'sites.update': 'directory.manage',
  'sites.import': 'directory.manage',
  'siteGroups.list': 'directory.read',
  'siteGroups.create': 'directory.manage',
  'siteGroups.update': 'directory.manage',
  'siteGroups.delete': 'directory.manage',
  'meetings.list': 'meetings.read',
  'meetings.create': 'meetings.manage',
  'meetings.get': 'meetings.read',
  'meetings.update': 'meetings.manage',
  'meetings.cancel': 'meetings.manage',
  'meetings.overlaps': 'meetings.manage',
  'meetings.invitation': 'meetings.read',
  'meetings.readiness': 'meetings.readiness',
  'checks.report': 'checks.report',
  'attendance.meeting': 'attendance.read',
  'attendance.meetingCsv': 'attendance.read',
  'attendance.meetingXlsx': 'attendance.read',
  'attendance.meetingPdf': 'attendance.read',
  'attendance.period': 'attendance.read',
  'attendance.periodCsv': 'attendance.read',
  'minutes.get': 'minutes.read',
  'minutes.live': 'minutes.read',
  'minutes.settings': 'minutes.write',
  'minutes.agendaItem': 'minutes.write',
  'minutes.addEntry': 'minutes.write',
  'minutes.editEntry': 'minutes.write',
  'minutes.removeEntry': 'minutes.write',
  'minutes.docx': 'minutes.read',
  'minutes.pdf': 'minutes.read',
  'conclusions.docx': 'minutes.read',
  'conclusions.pdf': 'minutes.read',
  'directives.list': 'directives.read',
  'directives.stats': 'directives.read',
  'directives.create': 'directives.manage',
  'directives.get': 'directives.read',
  'directives.update': 'directives.manage',
  'directives.report': 'directives.report',
  'directives.attach': 'directives.report',
  'attachments.get': 'directives.read',
  'records.search': 'minutes.read',
  'recording.status': 'meetings.read',
  'recording.get': 'recordings.read',
  'recording.file': 'recordings.read',
  'turn.credentials': 'session',
  'node.drain': 'node.drain',
  'audit.list': 'audit.read',
  'audit.csv': 'audit.read',
} as const satisfies Record<ApiRouteName, Permission | 'public'>;

export type PublicRoute = { [N in ApiRouteName]: (typeof routeAccess)[N] extends 'public' ? N : never }[ApiRouteName];

export const requestAccess = {
  'media:createTransport': 'media.use',
  'media:connectTransport': 'media.use',
  'media:restartIce': 'media.use',
  'media:produce': 'media.use',
  'media:closeProducer': 'media.use',
  'media:resumeConsumer': 'media.use',
  'check:start': 'media.use',
  'check:loopback': 'media.use',
  'meeting:join': 'meeting.join',
  'meeting:ready': 'meeting.join',
  'meeting:leave': 'meeting.join',
  // Those who run the floor run the meeting; the meeting's own roles narrow it to its chair.
  'meeting:end': 'floor.control',
  'floor:request': 'floor.request',
  'floor:cancel': 'floor.request',
  'floor:grant': 'floor.control',
  'floor:front': 'floor.control',
  'floor:revoke': 'floor.control',
  'floor:next': 'floor.control',
  'floor:muteAll': 'floor.control',
  'floor:mute': 'floor.control',
  'floor:spotlight': 'floor.control',
  'meeting:agendaItem': 'floor.control',
  'floor:invitePresenter': 'floor.control',
  'meeting:callBack': 'floor.control',
  'wall:watch': 'wall.watch',
  'rollcall:start': 'attendance.manage',
  'rollcall:confirm': 'attendance.confirm',
  'attendance:headcount': 'meeting.join',
  'quality:report': 'attendance.confirm',
  // Everyone in a meeting writes; the meeting decides to whom (a room only to the staff).
  'message:send': 'meeting.join',
  'recording:start': 'recording.control',
  'recording:pause': 'recording.control',
  'recording:stop': 'recording.control',
} as const satisfies Record<RequestName, Permission>;

/** The caller, if signed in and allowed; UNAUTHENTICATED or FORBIDDEN otherwise. */
export function authorize(identity: Identity | undefined, permission: Permission): Identity {
  if (!identity) throw new CodedError('UNAUTHENTICATED', 'sign in first');
  if (!can(identity.role, permission)) {
    throw new CodedError('FORBIDDEN', `${identity.role} accounts may not use ${permission}`);
  }
  return identity;
}

/** What an account that must change its published password may still do: say who it is, sign out, change it. */
const beforePasswordChange: ReadonlySet<ApiRouteName> = new Set(['auth.me', 'auth.logout', 'auth.password']);

/** PASSWORD_CHANGE_REQUIRED for every other route while the session's account must change its password. */
export function assertPasswordChanged(name: ApiRouteName, passwordChangeRequired: boolean): void {
  if (passwordChangeRequired && !beforePasswordChange.has(name)) {
    throw new CodedError('PASSWORD_CHANGE_REQUIRED', 'this account still has the published demo password: change it first (POST /api/auth/password)');
  }
}

/** Why a socket request is refused before its handler runs, or undefined when it may proceed. */
export function socketRequestDenial(name: RequestName, identity: Identity | undefined): ApiError | undefined {
  try {
    authorize(identity, requestAccess[name]);
    return undefined;
  } catch (error) {
    return (error as CodedError).toJSON();
  }
}

/**
 * The unit an account's directory and schedule rights are limited to: a secretariat or viewer
 * account tied to a unit sees and manages that unit and those below it. Null: province-wide.
 */
export function unitScope(identity: Identity): string | null {
  return identity.role === 'SECRETARIAT' || identity.role === 'VIEWER' ? identity.unitId : null;
}

export function inScope(identity: Identity, tree: UnitTree, unitId: string): boolean {
  const scope = unitScope(identity);
  return scope === null || tree.contains(scope, unitId);
}

export function assertInScope(identity: Identity, tree: UnitTree, unitId: string, what: string): void {
  if (!inScope(identity, tree, unitId)) {
    throw new CodedError('FORBIDDEN', `${what} is outside the unit this account manages`);
  }
}
