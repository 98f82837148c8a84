import type { MeetingMessage } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';

/** The meeting's log of text messages: every message is written before it is delivered. */
export interface MessageLog {
  record(meetingId: string, message: MeetingMessage, fromUserId: string): Promise<void>;
}

export class PrismaMessageLog implements MessageLog {
  constructor(private readonly prisma: PrismaClient) {}

  async record(meetingId: string, message: MeetingMessage, fromUserId: string): Promise<void> {
    const { to } = message;
    await this.prisma.meetingMessage.create({
      data: {
        id: message.id,
        meetingId,
        at: new Date(message.at),
        fromUserId,
        fromSiteId: message.fromSiteId,
        fromName: message.fromName,
        audience: to.kind,
        targetId: to.kind === 'site' ? to.siteId : to.kind === 'group' ? to.groupId : null,
        text: message.text,
      },
    });
  }
}
