import type { HandlerTable } from './handler.js';

/** Roll calls, headcounts and kiosks' own connection reports, inside a joined meeting. */
export const attendanceHandlers: HandlerTable = {
  'rollcall:start': async (session, { durationSeconds }) => {
    const { meeting, participant } = session.participation;
    return meeting.startRollCall(participant, durationSeconds);
  },

  'rollcall:confirm': async (session, { rollCallId }) => {
    const { meeting, participant } = session.participation;
    return meeting.confirmRollCall(participant, rollCallId);
  },

  'attendance:headcount': async (session, { headcount, siteId }) => {
    const { meeting, participant } = session.participation;
    await meeting.setHeadcount(participant, headcount, siteId);
    return {};
  },

  'quality:report': async (session, report) => {
    const { meeting, participant } = session.participation;
    meeting.reportQuality(participant, report);
    return {};
  },
};
