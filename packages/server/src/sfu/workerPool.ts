import { EventEmitter } from 'node:events';
import os from 'node:os';
import type { ComponentHealth } from '@pm/shared';
import type { Logger } from '../logger.js';
import { loadMediasoup, type ms } from './mediasoupModule.js';
import { detach } from '../util/detach.js';
import { ProducerDemand } from './producerDemand.js';

export interface WorkerPoolOptions {
  workerBin: string;
  numWorkers: number;
  listenIp: string;
  announcedIp?: string;
  /** Worker i listens on portBase + i, UDP and TCP, through its WebRtcServer. */
  portBase: number;
  /** The range for the workers' other transports (plain, pipe). */
  rtcPorts: { min: number; max: number };
  /** The workers' nice value (MEDIASOUP_WORKER_NICE); unset: the node's own. */
  workerNice?: number;
  logLevel?: ms.WorkerLogLevel;
}

/** Live load of one worker, kept from mediasoup's observer events. */
export interface WorkerLoad {
  /**
   * Clients placed on this worker. Counted from the moment of placement, before their
   * transports and consumers exist, so a burst of joins is spread instead of piling onto the
   * worker that looked emptiest when the burst began.
   */
  peers: number;
  routers: number;
  transports: number;
  producers: number;
  consumers: number;
}

export interface WorkerSlot {
  readonly index: number;
  readonly worker: ms.Worker;
  readonly webRtcServer: ms.WebRtcServer;
  readonly load: WorkerLoad;
  /** The worker's open transports, so their bitrates can be sampled (metrics). */
  readonly transports: ReadonlySet<ms.Transport>;
  /** Increases each time the slot's worker is replaced, so owners can tell stale routers apart. */
  readonly generation: number;
  /** The worker's nice value as the kernel has it (the health check shows it). */
  readonly nice: number;
}

interface WorkerPoolEvents {
  /** A worker died and a new one took its index; everything on the old one is gone. */
  workerReplaced: [slot: WorkerSlot, previous: WorkerSlot];
}

const RESPAWN_DELAY_MS = 500;

/**
 * The mediasoup workers of this process, one per core by default. Each worker has a WebRtcServer,
 * so every site reaches the SFU through one UDP and one TCP port per worker instead of a port per
 * transport. A worker that dies is logged and replaced at the same index and port; the
 * `workerReplaced` event tells the owners of its routers to move their sites.
 */
export class WorkerPool extends EventEmitter<WorkerPoolEvents> {
  private readonly slots: WorkerSlot[] = [];
  private priorityRefusalLogged = false;
  /** Who receives each producer on this node's workers (uplinks from other nodes flow only then). */
  readonly demand = new ProducerDemand();
  private closed = false;

  private constructor(
    private readonly options: WorkerPoolOptions,
    private readonly log: Logger,
  ) {
    super();
  }

  static async start(options: WorkerPoolOptions, log: Logger): Promise<WorkerPool> {
    const pool = new WorkerPool(options, log);
    for (let index = 0; index < options.numWorkers; index++) {
      pool.slots.push(await pool.startSlot(index, 0));
    }
    log.info({ workers: options.numWorkers, portBase: options.portBase }, 'mediasoup workers started');
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  slot(index: number): WorkerSlot {
    const slot = this.slots[index];
    if (!slot) throw new Error(`no worker slot ${index}`);
    return slot;
  }

  all(): readonly WorkerSlot[] {
    return this.slots;
  }

  /** Clients whose media run on this node's workers (what placement weighs). */
  get peers(): number {
    return this.slots.reduce((sum, s) => sum + s.load.peers, 0);
  }

  /**
   * The worker with the fewest clients, then the fewest consumers: every site costs about the
   * same (it receives the programme), and consumers are the dominant cost of an SFU fanning out.
   */
  leastLoaded(): WorkerSlot {
    const alive = this.slots.filter((s) => !s.worker.closed);
    const pick = alive.reduce<WorkerSlot | undefined>(
      (best, s) => (!best || weight(s.load) < weight(best.load) ? s : best),
      undefined,
    );
    if (!pick) throw new Error('no live mediasoup worker');
    return pick;
  }

  /**
   * Chooses the worker for a new client and counts the client there at once, in the same tick,
   * so joins resumed together (a burst answered by one Redis reply) cannot all pick the same
   * worker. The client's PeerMedia gives the count back when it closes; `release` if none is made.
   */
  reservePeer(): { slot: WorkerSlot; release: () => void } {
    const slot = this.leastLoaded();
    slot.load.peers++;
    let released = false;
    return {
      slot,
      release: () => {
        if (released) return;
        released = true;
        slot.load.peers--;
      },
    };
  }

  health(): ComponentHealth[] {
    return this.slots.map((s) => ({
      name: `mediasoup-worker-${s.index}`,
      ok: !s.worker.closed,
      detail: s.worker.closed
        ? 'worker is down (being replaced)'
        : `pid ${s.worker.pid}, nice ${s.nice}, ${s.load.peers} clients, ${s.load.transports} transports, ${s.load.consumers} consumers`,
    }));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) slot.worker.close();
  }

  private async startSlot(index: number, generation: number): Promise<WorkerSlot> {
    const mediasoup = await loadMediasoup(this.options.workerBin);
    const worker = await mediasoup.createWorker({
      logLevel: this.options.logLevel ?? 'warn',
      rtcMinPort: this.options.rtcPorts.min,
      rtcMaxPort: this.options.rtcPorts.max,
      appData: { index },
    });
    const nice = this.prioritise(worker.pid);
    const port = this.options.portBase + index;
    const listen = { ip: this.options.listenIp, announcedIp: this.options.announcedIp, port };
    const webRtcServer = await worker.createWebRtcServer({
      listenInfos: [
        { protocol: 'udp', ...listen },
        { protocol: 'tcp', ...listen },
      ],
    });
    const transports = new Set<ms.Transport>();
    const load = trackLoad(worker, transports, this.demand);
    const slot: WorkerSlot = { index, worker, webRtcServer, load, transports, generation, nice };
    worker.on('died', (error) => this.onWorkerDied(slot, error));
    this.log.debug({ index, pid: worker.pid, port, nice }, 'mediasoup worker up');
    return slot;
  }

  /**
   * Puts the worker ahead of the other processes of the host. A worker reads every room's RTCP
   * and the speakers' media from one UDP socket whose kernel buffer holds some 60 ms of it: on a
   * busy machine a worker that waits behind other processes for a core loses them, and every room
   * loses the programme packets with them (measured: README, "The workers first"). Returns the
   * nice value the worker runs at.
   */
  private prioritise(pid: number): number {
    const wanted = this.options.workerNice;
    if (wanted !== undefined) {
      try {
        os.setPriority(pid, wanted);
      } catch (error) {
        if (!this.priorityRefusalLogged) {
          this.priorityRefusalLogged = true;
          this.log.warn(
            { nice: wanted, err: error },
            'the mediasoup workers keep the node\'s CPU priority: raising it needs root, CAP_SYS_NICE or LimitNICE (MEDIASOUP_WORKER_NICE)',
          );
        }
      }
    }
    return os.getPriority(pid);
  }

  private onWorkerDied(dead: WorkerSlot, error: Error): void {
    if (this.closed) return;
    this.log.error({ index: dead.index, pid: dead.worker.pid, err: error }, 'mediasoup worker died; replacing it');
    const respawn = async (): Promise<void> => {
      if (this.closed) return;
      try {
        const fresh = await this.startSlot(dead.index, dead.generation + 1);
        this.slots[dead.index] = fresh;
        this.log.info({ index: fresh.index, pid: fresh.worker.pid }, 'mediasoup worker replaced');
        this.emit('workerReplaced', fresh, dead);
      } catch (err) {
        this.log.error({ index: dead.index, err }, 'could not replace mediasoup worker; retrying');
        setTimeout(() => detach(respawn(), this.log, 'replacing a worker'), RESPAWN_DELAY_MS * 4);
      }
    };
    // The dead worker's ports are released as its process exits; give the kernel a moment.
    setTimeout(() => detach(respawn(), this.log, 'replacing a worker'), RESPAWN_DELAY_MS);
  }
}

function weight(load: WorkerLoad): number {
  // Peers dominate; consumers and producers only break ties between equally populated workers.
  return load.peers * 1000 + load.consumers + load.producers * 2;
}

function trackLoad(worker: ms.Worker, transports: Set<ms.Transport>, demand: ProducerDemand): WorkerLoad {
  const load: WorkerLoad = { peers: 0, routers: 0, transports: 0, producers: 0, consumers: 0 };
  const count = (key: keyof WorkerLoad, closing: { observer: EventEmitter }) => {
    load[key]++;
    closing.observer.once('close', () => load[key]--);
  };
  worker.observer.on('newrouter', (router: ms.Router) => {
    count('routers', router);
    router.observer.on('newtransport', (transport: ms.Transport) => {
      count('transports', transport);
      transports.add(transport);
      transport.observer.once('close', () => transports.delete(transport));
      transport.observer.on('newproducer', (p: ms.Producer) => count('producers', p));
      transport.observer.on('newconsumer', (c: ms.Consumer) => {
        count('consumers', c);
        demand.track(c);
      });
    });
  });
  return load;
}
