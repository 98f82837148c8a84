import type { HandlerTable } from './handler.js';

/** Transport and track requests, valid once the client has media (check or meeting). */
export const mediaHandlers: HandlerTable = {
  'media:createTransport': async (session, { direction }) => session.media.createTransport(direction),

  'media:connectTransport': async (session, { transportId, dtlsParameters }) => {
    await session.media.connectTransport(transportId, dtlsParameters);
    return {};
  },

  'media:restartIce': async (session, { transportId }) => ({
    iceParameters: { ...(await session.media.restartIce(transportId)) },
  }),

  'media:produce': async (session, { transportId, kind, rtpParameters, source }) => {
    // A screen is shared only into a meeting, by whoever may present there now.
    if (source === 'screen') {
      const { meeting, participant } = session.participation;
      meeting.requirePresenter(participant);
    }
    const producer = await session.media.produce(transportId, kind, rtpParameters, source);
    return { producerId: producer.id };
  },

  'media:closeProducer': async (session, { producerId }) => {
    await session.media.closeProducer(producerId);
    return {};
  },

  'media:resumeConsumer': async (session, { consumerId }) => {
    await session.media.resumeConsumer(consumerId);
    return {};
  },
};
