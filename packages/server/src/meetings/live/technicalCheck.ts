import { CodedError } from '@pm/shared';
import type { Logger } from '../../logger.js';
import { mediaCodecs } from '../../sfu/mediaCodecs.js';
import type { ms } from '../../sfu/mediasoupModule.js';
import type { ParticipantMedia } from '../../sfu/participantMedia.js';
import { PeerMedia, type PeerMediaEvents } from '../../sfu/peerMedia.js';
import type { WorkerPool, WorkerSlot } from '../../sfu/workerPool.js';

/**
 * The technical check a meeting room runs before a meeting: its camera and microphone go to the
 * SFU and come straight back. Check sessions share one router per worker (a router is cheap, but
 * hundreds of rooms checking at once should not create hundreds of them) and are spread like
 * meeting sites, on the least-loaded worker.
 */
export class TechnicalCheck {
  private readonly routers = new Map<number, Promise<ms.Router>>();
  private readonly peers = new Set<{ media: PeerMedia; onWorkerLost: () => void }>();

  constructor(
    private readonly pool: WorkerPool,
    private readonly log: Logger,
  ) {
    pool.on('workerReplaced', (_fresh, dead) => this.onWorkerLost(dead));
  }

  /** Places a client on a check router; `onWorkerLost` runs if that router's worker dies. */
  async start(peerId: string, events: PeerMediaEvents, onWorkerLost: () => void): Promise<PeerMedia> {
    const { slot, release } = this.pool.reservePeer();
    const router = await this.routerOn(slot).catch((err: unknown) => {
      release();
      throw err;
    });
    const media = new PeerMedia(peerId, { slot, router, release }, events);
    const entry = { media, onWorkerLost };
    this.peers.add(entry);
    router.observer.once('close', () => media.close());
    media.onClose(() => this.peers.delete(entry));
    return media;
  }

  /** Sends the client's own producer back to it. */
  async loopback(media: ParticipantMedia, producerId: string, rtpCapabilities: ms.RtpCapabilities) {
    if (![...media.producers()].some((p) => p.id === producerId)) {
      throw new CodedError('NOT_FOUND', `no producer ${producerId} of this check`);
    }
    return media.consume(producerId, rtpCapabilities, { purpose: 'loopback', siteId: null });
  }

  private routerOn(slot: WorkerSlot): Promise<ms.Router> {
    let router = this.routers.get(slot.index);
    if (!router) {
      // The promise is cached at once so concurrent first checks share a single router.
      router = slot.worker.createRouter({ mediaCodecs, appData: { purpose: 'technical-check' } });
      this.routers.set(slot.index, router);
      void router.then(
        (r) => r.observer.once('close', () => this.routers.delete(slot.index)),
        () => this.routers.delete(slot.index),
      );
    }
    return router;
  }

  private onWorkerLost(dead: WorkerSlot): void {
    this.routers.delete(dead.index);
    for (const entry of [...this.peers]) {
      if (entry.media.slot !== dead) continue;
      this.log.info({ peer: entry.media.peerId }, 'technical check moved off a dead worker');
      entry.media.close();
      entry.onWorkerLost();
    }
  }
}
