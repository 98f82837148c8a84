import { CodedError } from '@pm/shared';
import type { HandlerTable } from './handler.js';
import type { Participation } from './socketSession.js';

function ownSite({ participant }: Participation): string {
  if (!participant.siteId) throw new CodedError('FORBIDDEN', 'only a meeting room answers for itself');
  return participant.siteId;
}

/** Roll calls, headcounts and kiosks' own connection reports, inside a joined meeting. */
export const attendanceHandlers: HandlerTable = {
  'rollcall:start': async (session, { durationSeconds }) => {
    const { meeting, participant } = session.participation;
    if (participant.role === 'site') throw new CodedError('FORBIDDEN', 'a site cannot start a roll call');
    return meeting.attendance.rollCalls.start(session.identity.userId, durationSeconds);
  },

  'rollcall:confirm': async (session, { rollCallId }) => {
    const participation = session.participation;
    return participation.meeting.attendance.rollCalls.confirm(rollCallId, ownSite(participation), session.identity.userId);
  },

  'attendance:headcount': async (session, { headcount, siteId }) => {
    const participation = session.participation;
    const { meeting, participant } = participation;
    let target: string;
    if (participant.role === 'site') {
      target = ownSite(participation);
      if (siteId && siteId !== target) throw new CodedError('FORBIDDEN', 'a site declares only its own headcount');
    } else {
      if (!siteId) throw new CodedError('BAD_REQUEST', 'siteId is required');
      if (!meeting.isInvited(siteId)) throw new CodedError('NOT_FOUND', `site ${siteId} is not invited`);
      target = siteId;
    }
    await meeting.attendance.setHeadcount(target, headcount);
    return {};
  },

  'quality:report': async (session, report) => {
    const participation = session.participation;
    participation.meeting.attendance.quality.clientReport(ownSite(participation), report);
    return {};
  },
};
