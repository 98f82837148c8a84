import type { Logger } from '../../logger.js';
import type { MeetingMedia } from '../../sfu/meetingMedia.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { Participant } from './participant.js';
import type { ProgrammeFeed } from './programme.js';

/** A wall tile takes a site camera's smallest simulcast layer. */
const WALL_LAYER = 0;

/**
 * The site wall of the chair and operators: the cameras of the tiles on screen, each consumed at
 * its lowest layer; tiles scrolled away are paused on the server. Updates of one participant are
 * queued, so a quick scroll cannot leave a stale consumer behind.
 */
export class WallRouting {
  constructor(
    private readonly media: MeetingMedia,
    private readonly log: Logger,
  ) {}

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
      await Promise.all([...onScreen.values()].map((feed) => this.consume(participant, feed)));
    });
  }

  private async consume(participant: Participant, feed: ProgrammeFeed): Promise<void> {
    const capabilities = participant.rtpCapabilities as ms.RtpCapabilities;
    try {
      await this.media.route(feed.producer, feed.owner.media.router, participant.media.router);
      const options = await participant.media.consume(feed.producer.id, capabilities, {
        purpose: 'wall',
        siteId: feed.owner.siteId,
        spatialLayer: WALL_LAYER,
      });
      participant.link.send('media:newConsumer', { ...options, purpose: 'wall', siteId: feed.owner.siteId });
    } catch (err) {
      // The camera or one of the routers went away meanwhile (a site left, a worker died): the
      // next wall update or the participant's reconnection settles it.
      this.log.warn({ err, participant: participant.key, producer: feed.producer.id }, 'could not show a site on the wall');
    }
  }
}
