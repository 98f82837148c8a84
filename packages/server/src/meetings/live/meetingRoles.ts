import { CodedError, type Identity, type ParticipantRole } from '@pm/shared';
import type { MeetingPlan } from './meetingPlan.js';

/**
 * The part an account plays in one meeting, from its account role and the meeting's plan: an
 * invited site's room account is a site, the meeting's own chair is the chair, operators and
 * administrators operate; anyone else is not part of the meeting. The account's permissions
 * (packages/shared/permissions.ts) say what it may ask for at all; these say what it may do here.
 */
export function meetingRoleOf(identity: Identity, plan: MeetingPlan): ParticipantRole {
  if (identity.role === 'SITE' && identity.siteId && plan.sites.some((s) => s.siteId === identity.siteId)) return 'site';
  if (identity.role === 'CHAIR' && plan.chairUserId === identity.userId) return 'chair';
  if (identity.role === 'OPERATOR' || identity.role === 'ADMIN') return 'operator';
  throw new CodedError('FORBIDDEN', `${identity.username} is not invited to meeting ${plan.id}`);
}

/** The chair and operators run the meeting: the floor, the site wall, roll calls, the recording. */
export function requireModerator(role: ParticipantRole, action: string): void {
  if (role === 'site') throw new CodedError('FORBIDDEN', `only the chair or an operator may ${action}`);
}

/** What only a meeting room does for itself: ask for the floor, answer a roll call, report its link. */
export function requireSite(participant: { role: ParticipantRole; siteId: string | null }, action: string): string {
  if (participant.role !== 'site' || !participant.siteId) throw new CodedError('FORBIDDEN', `only a meeting room may ${action}`);
  return participant.siteId;
}
