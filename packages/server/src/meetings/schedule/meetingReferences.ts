import { CodedError } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';

/** An entry or a directive may name only its own meeting's agenda items. */
export async function assertAgendaItem(prisma: PrismaClient, meetingId: string, position: number | null | undefined): Promise<void> {
  if (position == null) return;
  const found = await prisma.agendaItem.count({ where: { meetingId, position } });
  if (!found) throw new CodedError('BAD_REQUEST', `the meeting has no agenda item ${position}`);
}

/** A speaker named by site must be a site invited to the meeting. */
export async function assertInvitedSite(prisma: PrismaClient, meetingId: string, siteId: string | null | undefined): Promise<void> {
  if (siteId == null) return;
  const invited = await prisma.meetingInvitation.count({ where: { meetingId, siteId } });
  if (!invited) throw new CodedError('BAD_REQUEST', 'the speaker is not a site invited to this meeting');
}
