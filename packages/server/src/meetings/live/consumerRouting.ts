import type { ConsumerPurpose } from '@pm/shared';
import type { Logger } from '../../logger.js';
import type { MeetingMedia } from '../../sfu/meetingMedia.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { Participant } from './participant.js';
import type { ProgrammeFeed, ProgrammeSelection } from './programme.js';

/** Simulcast layers: the programme gets the best, a wall tile the smallest. */
const PROGRAMME_LAYER = 2;
const WALL_LAYER = 0;

/**
 * Makes each participant's consumers match what it should receive: the programme for everyone,
 * and the tiles on screen for the operator's wall. What a participant receives is read from its
 * media (the one record of its consumers). Updates of one participant are queued, so a quick
 * grant-then-revoke cannot leave a stale consumer behind.
 */
export class ConsumerRouting {
  constructor(
    private readonly media: MeetingMedia,
    private readonly log: Logger,
  ) {}

  syncProgramme(participant: Participant, selection: ProgrammeSelection): Promise<void> {
    return participant.updates.push(async () => {
      if (!participant.rtpCapabilities || participant.media.isClosed) return;
      const feeds = [selection.video, ...selection.audio].filter(
        (f): f is ProgrammeFeed => !!f && f.owner !== participant,
      );
      const wanted = new Set(feeds.map((f) => f.producer.id));
      const receiving = new Set<string>();
      for (const track of participant.media.received()) {
        if (track.purpose !== 'programme-video' && track.purpose !== 'programme-audio') continue;
        if (wanted.has(track.producerId)) receiving.add(track.producerId);
        else participant.media.closeConsumer(track.consumerId);
      }
      await Promise.all(
        feeds
          .filter((f) => !receiving.has(f.producer.id))
          .map((f) => this.consume(participant, f, f.producer.kind === 'video' ? 'programme-video' : 'programme-audio', PROGRAMME_LAYER)),
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
      for (const tile of participant.media.received()) {
        if (tile.purpose !== 'wall' || !tile.siteId) continue;
        const feed = onScreen.get(tile.siteId);
        if (feed && feed.producer.id === tile.producerId) {
          await participant.media.setServerPaused(tile.consumerId, false);
          onScreen.delete(tile.siteId);
        } else if (feed) {
          participant.media.closeConsumer(tile.consumerId);
        } else {
          // A tile whose consumer is already gone needs nothing more.
          await participant.media.setServerPaused(tile.consumerId, true).catch(() => undefined);
        }
      }
      await Promise.all([...onScreen.values()].map((feed) => this.consume(participant, feed, 'wall', WALL_LAYER)));
    });
  }

  private async consume(participant: Participant, feed: ProgrammeFeed, purpose: ConsumerPurpose, spatialLayer: number): Promise<void> {
    const capabilities = participant.rtpCapabilities as ms.RtpCapabilities;
    try {
      await this.media.route(feed.producer, feed.owner.media.router, participant.media.router);
      const options = await participant.media.consume(feed.producer.id, capabilities, {
        purpose,
        siteId: feed.owner.siteId,
        spatialLayer: feed.producer.kind === 'video' ? spatialLayer : undefined,
      });
      participant.link.send('media:newConsumer', { ...options, purpose, siteId: feed.owner.siteId });
    } catch (err) {
      // The producer or one of the routers went away meanwhile (a site left, a worker died): the
      // next programme change or the participant's reconnection settles it.
      this.log.warn({ err, participant: participant.key, producer: feed.producer.id }, 'could not consume');
    }
  }
}
