import type { LiveMeetings } from '../meetings/live/liveMeetings.js';
import type { HandlerTable } from './handler.js';
import type { SocketSession } from './socketSession.js';

/** Joining, leaving and the floor; the live meeting decides, these only translate. */
export function meetingHandlers(live: LiveMeetings): HandlerTable {
  const leavesOnDisconnect = new WeakSet<SocketSession>();
  const leaveCurrent = (session: SocketSession, kind: 'LEAVE' | 'DISCONNECT') => {
    const current = session.currentParticipation;
    if (!current) return;
    current.meeting.leave(current.participant, kind);
    session.setParticipation(undefined);
    live.released(current.meeting);
  };

  return {
    'meeting:join': async (session, { meetingId }) => {
      leaveCurrent(session, 'LEAVE');
      const { meeting, participant, summary } = await live.join(session.identity, meetingId, session);
      session.setMedia(participant.media);
      session.setParticipation({ meeting, participant });
      if (!leavesOnDisconnect.has(session)) {
        leavesOnDisconnect.add(session);
        session.onClose(() => leaveCurrent(session, 'DISCONNECT'));
      }
      return { rtpCapabilities: { ...participant.media.router.rtpCapabilities }, summary };
    },

    'meeting:ready': async (session, { rtpCapabilities }) => {
      const { meeting, participant } = session.participation;
      await meeting.ready(participant, rtpCapabilities);
      return {};
    },

    'meeting:leave': async (session) => {
      leaveCurrent(session, 'LEAVE');
      return {};
    },

    'meeting:end': async (session) => {
      const { meeting, participant } = session.participation;
      await live.end(meeting, participant);
      return {};
    },

    'floor:request': async (session) => {
      const { meeting, participant } = session.participation;
      return { position: meeting.requestFloor(participant) };
    },

    'floor:cancel': async (session) => {
      const { meeting, participant } = session.participation;
      meeting.cancelFloor(participant);
      return {};
    },

    'floor:grant': async (session, { siteId }) => {
      const { meeting, participant } = session.participation;
      meeting.grantFloor(participant, siteId);
      return {};
    },

    'floor:front': async (session, { siteId }) => {
      const { meeting, participant } = session.participation;
      meeting.moveToFront(participant, siteId);
      return {};
    },

    'floor:revoke': async (session) => {
      const { meeting, participant } = session.participation;
      meeting.revokeFloor(participant);
      return {};
    },

    'floor:next': async (session) => {
      const { meeting, participant } = session.participation;
      return { siteId: meeting.nextFloor(participant) };
    },

    'floor:muteAll': async (session) => {
      const { meeting, participant } = session.participation;
      meeting.muteAll(participant);
      return {};
    },

    'floor:mute': async (session, { siteId }) => {
      const { meeting, participant } = session.participation;
      meeting.muteSite(participant, siteId);
      return {};
    },

    'floor:spotlight': async (session, { siteId }) => {
      const { meeting, participant } = session.participation;
      meeting.spotlight(participant, siteId);
      return {};
    },

    'meeting:agendaItem': async (session, { position }) => {
      const { meeting, participant } = session.participation;
      meeting.setAgendaItem(participant, position);
      return {};
    },
    'floor:invitePresenter': async (session, { siteId }) => {
      const { meeting, participant } = session.participation;
      meeting.invitePresenter(participant, siteId);
      return {};
    },

    'meeting:callBack': async (session, { siteId, text }) => {
      const { meeting, participant } = session.participation;
      return meeting.callBack(participant, siteId, text);
    },

    'wall:watch': async (session, { siteIds }) => {
      const { meeting, participant } = session.participation;
      await meeting.watchWall(participant, siteIds);
      return {};
    },
  };
}
