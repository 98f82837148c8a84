import type { TechnicalCheck } from '../meetings/live/technicalCheck.js';
import type { HandlerTable } from './handler.js';

export function checkHandlers(check: TechnicalCheck): HandlerTable {
  return {
    'check:start': async (session) => {
      const media = await check.start(
        session.id,
        { consumerClosed: (consumerId) => session.send('media:consumerClosed', { consumerId }) },
        () => session.send('media:reconnectRequired', { reason: 'media server restarted' }),
      );
      session.setMedia(media);
      return { rtpCapabilities: { ...media.router.rtpCapabilities } };
    },

    'check:loopback': async (session, { producerId, rtpCapabilities }) =>
      check.loopback(session.media, producerId, rtpCapabilities),
  };
}
