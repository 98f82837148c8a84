import { randomUUID } from 'node:crypto';
import { CodedError, type MeetingMessage, type MessageAudience, type ParticipantRole } from '@pm/shared';
import type { MeetingPlan, PlannedSite } from './meetingPlan.js';

interface Author {
  role: ParticipantRole;
  siteId: string | null;
  displayName: string;
}

/**
 * A text message as sent, once it is one its author may send: a meeting room writes to the staff
 * only (it asks for help, it does not address other rooms); the chair and operators write to an
 * invited site, the sites of a district that has some, every room, or each other.
 */
export function composeMessage(author: Author, to: MessageAudience, text: string, plan: MeetingPlan, at: Date): MeetingMessage {
  let fromName = author.displayName;
  if (author.role === 'site') {
    if (to.kind !== 'staff') throw new CodedError('FORBIDDEN', 'a meeting room writes to the chair and operators only');
    fromName = plan.sites.find((s) => s.siteId === author.siteId)?.name ?? fromName;
  } else if (to.kind === 'site' && !plan.sites.some((s) => s.siteId === to.siteId)) {
    throw new CodedError('NOT_FOUND', `site ${to.siteId} is not invited`);
  } else if (to.kind === 'group' && !plan.sites.some((s) => s.groupId === to.groupId)) {
    throw new CodedError('NOT_FOUND', `no invited site belongs to group ${to.groupId}`);
  }
  return { id: randomUUID(), at: at.toISOString(), fromSiteId: author.role === 'site' ? author.siteId : null, fromName, to, text };
}

/** Whether a room's kiosk shows the message (staff screens show every one). */
export function addressedTo(to: MessageAudience, site: PlannedSite): boolean {
  return to.kind === 'all' || (to.kind === 'site' && to.siteId === site.siteId) || (to.kind === 'group' && to.groupId === site.groupId);
}
