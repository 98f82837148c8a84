import type { Logger } from '../logger.js';
import { mediaCodecs } from './mediaCodecs.js';
import type { ms } from './mediasoupModule.js';
import type { WorkerPool, WorkerSlot } from './workerPool.js';

export interface Placement {
  slot: WorkerSlot;
  router: ms.Router;
}

/**
 * The routers of one meeting: at most one on each worker it uses. A site is placed on the
 * least-loaded worker; a producer is piped (pipeToRouter) to another router of the meeting the
 * first time a site there consumes it. One worker cannot carry a 348-site programme at 1 Mbps
 * (measured: 67 % of a core at 1 Mbps, saturated at 1.5 Mbps), so a large meeting is spread.
 */
export class MeetingRouters {
  private readonly routers = new Map<WorkerSlot, Promise<ms.Router>>();
  /** producerId → routerId → the pipe in progress or done. */
  private readonly pipes = new Map<string, Map<string, Promise<void>>>();
  private closed = false;

  constructor(
    private readonly pool: WorkerPool,
    readonly meetingId: string,
    private readonly log: Logger,
  ) {}

  /** A router for something that is not a client (a pipe, the recorder): the least-loaded worker's. */
  async place(): Promise<Placement> {
    if (this.closed) throw new Error(`meeting ${this.meetingId} is closed`);
    const slot = this.pool.leastLoaded();
    return { slot, router: await this.routerOn(slot) };
  }

  /**
   * Places a client: counted on its worker from this moment (see WorkerPool.reservePeer); the
   * PeerMedia made on the placement takes the count over, `release` gives it back if none is.
   */
  async placePeer(): Promise<Placement & { release: () => void }> {
    if (this.closed) throw new Error(`meeting ${this.meetingId} is closed`);
    const { slot, release } = this.pool.reservePeer();
    try {
      return { slot, router: await this.routerOn(slot), release };
    } catch (err) {
      release();
      throw err;
    }
  }

  /** Makes `producer` (living on `home`) consumable on `target`; concurrent calls share one pipe. */
  async ensureProducerOn(producer: ms.Producer, home: ms.Router, target: ms.Router): Promise<void> {
    if (home === target) return;
    let byRouter = this.pipes.get(producer.id);
    if (!byRouter) {
      byRouter = new Map();
      this.pipes.set(producer.id, byRouter);
      producer.observer.once('close', () => this.pipes.delete(producer.id));
    }
    let pipe = byRouter.get(target.id);
    if (!pipe) {
      pipe = home.pipeToRouter({ producerId: producer.id, router: target }).then(() => undefined);
      byRouter.set(target.id, pipe);
      pipe.catch(() => byRouter.delete(target.id));
    }
    await pipe;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const router of this.routers.values()) void router.then((r) => r.close(), () => undefined);
    this.routers.clear();
    this.pipes.clear();
  }

  private routerOn(slot: WorkerSlot): Promise<ms.Router> {
    let router = this.routers.get(slot);
    if (!router) {
      // Cached as a promise at once, so sites joining together share one router per worker.
      router = slot.worker.createRouter({ mediaCodecs, appData: { meetingId: this.meetingId } });
      this.routers.set(slot, router);
      router.then(
        (r) => {
          this.log.debug({ meeting: this.meetingId, worker: slot.index, router: r.id }, 'meeting router created');
          r.observer.once('close', () => {
            if (this.routers.get(slot) === router) this.routers.delete(slot);
          });
        },
        () => this.routers.delete(slot),
      );
    }
    return router;
  }
}
