import type { MeetingChannel, MeetingChannels, Push } from '../meetings/live/meetingChannel.js';
import { socketRooms } from './socketAuth.js';
import type { PlatformIo } from './socketServer.js';

/**
 * A meeting's audiences as socket.io rooms: with the cluster's adapter an emit reaches the room's
 * sockets on every node. Participants signal to the meeting's host, so their sockets are local.
 */
export function socketMeetingChannels(io: PlatformIo): MeetingChannels {
  return (meetingId: string): MeetingChannel => {
    const everyone = `meeting:${meetingId}`;
    const staff = `meeting:${meetingId}:staff`;
    const pushTo =
      (room: string): Push =>
      (event, payload) =>
        (io.to(room).emit as (e: string, p: unknown) => void)(event, payload);
    return {
      toAll: pushTo(everyone),
      toStaff: pushTo(staff),
      // Every socket of the room's account joins its site's room when it connects, on any page.
      toSite: (siteId, event, payload) => pushTo(socketRooms.site(siteId))(event, payload),
      // Applied to the local socket at once (and announced to the other nodes with the adapter).
      admit: (link, audience) => io.in(link.id).socketsJoin(audience === 'staff' ? [everyone, staff] : everyone),
      dismiss: (link) => io.in(link.id).socketsLeave([everyone, staff]),
    };
  };
}
