import type { ConsumerPurpose } from '@pm/shared';
import type { Logger } from '../../logger.js';
import type { MeetingRouters } from '../../sfu/meetingRouters.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { Participant } from './participant.js';
import type { ProgrammeFeed, ProgrammeSelection } from './programme.js';

/** Simulcast layers: the programme gets the best, a wall tile the smallest. */
const PROGRAMME_LAYER = 2;
const WALL_LAYER = 0;

/**
 * Makes each participant's consumers match what it should receive: the programme for everyone,
 * and the tiles on screen for the operator's wall. Updates of one participant are queued, so a
 * quick grant-then-revoke cannot leave a stale consumer behind.
 */
export class ConsumerRouting {
  constructor(
    private readonly routers: MeetingRouters,
    private readonly log: Logger,
  ) {}

  syncProgramme(participant: Participant, selection: ProgrammeSelection): Promise<void> {
    return participant.updates.push(async () => {
      if (!participant.rtpCapabilities || participant.media.isClosed) return;
      const feeds = [selection.video, ...selection.audio].filter(
        (f): f is ProgrammeFeed => !!f && f.owner !== participant,
      );
      const wanted = new Set(feeds.map((f) => f.producer.id));
      for (const [producerId, consumerId] of participant.programmeConsumers) {
        if (!wanted.has(producerId)) {
          participant.media.closeConsumer(consumerId);
          participant.programmeConsumers.delete(producerId);
        }
      }
      await Promise.all(
        feeds
          .filter((f) => !participant.programmeConsumers.has(f.producer.id))
          .map(async (f) => {
            const purpose: ConsumerPurpose = f.producer.kind === 'video' ? 'programme-video' : 'programme-audio';
            const consumerId = await this.consume(participant, f, purpose, PROGRAMME_LAYER);
            if (consumerId) participant.programmeConsumers.set(f.producer.id, consumerId);
          }),
      );
    });
  }

  /** Shows exactly `sites` on the participant's wall: others are paused, missing ones consumed. */
  syncWall(participant: Participant, sites: ReadonlyArray<Participant>): Promise<void> {
    return participant.updates.push(async () => {
      if (!participant.rtpCapabilities || participant.media.isClosed) return;
      const onScreen = new Map<string, ProgrammeFeed>();
      for (const site of sites) {
        const producer = site.producer('camera');
        if (site.siteId && producer) onScreen.set(site.siteId, { owner: site, producer });
      }
      for (const [siteId, wall] of participant.wallConsumers) {
        const feed = onScreen.get(siteId);
        if (feed && feed.producer.id === wall.producerId) {
          await participant.media.setServerPaused(wall.consumerId, false);
          onScreen.delete(siteId);
        } else if (feed) {
          participant.media.closeConsumer(wall.consumerId);
          participant.wallConsumers.delete(siteId);
        } else {
          await participant.media.setServerPaused(wall.consumerId, true).catch(() => {
            participant.wallConsumers.delete(siteId);
          });
        }
      }
      await Promise.all(
        [...onScreen].map(async ([siteId, feed]) => {
          const consumerId = await this.consume(participant, feed, 'wall', WALL_LAYER);
          if (consumerId) participant.wallConsumers.set(siteId, { producerId: feed.producer.id, consumerId });
        }),
      );
    });
  }

  private async consume(
    participant: Participant,
    feed: ProgrammeFeed,
    purpose: ConsumerPurpose,
    spatialLayer: number,
  ): Promise<string | undefined> {
    const capabilities = participant.rtpCapabilities as ms.RtpCapabilities;
    try {
      await this.routers.ensureProducerOn(feed.producer, feed.owner.media.router, participant.media.router);
      const options = await participant.media.consume(feed.producer.id, capabilities, {
        spatialLayer: feed.producer.kind === 'video' ? spatialLayer : undefined,
      });
      participant.session.socket.emit('media:newConsumer', { ...options, purpose, siteId: feed.owner.siteId });
      return options.id;
    } catch (err) {
      // The producer or one of the routers went away meanwhile (a site left, a worker died): the
      // next programme change or the participant's reconnection settles it.
      this.log.warn({ err, participant: participant.key, producer: feed.producer.id }, 'could not consume');
      return undefined;
    }
  }
}
