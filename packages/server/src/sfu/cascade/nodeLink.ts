import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import { SerialQueue } from '../../util/serialQueue.js';
import type { Placement } from '../meetingRouters.js';
import type { ms } from '../mediasoupModule.js';
import type { WorkerSlot } from '../workerPool.js';
import type { CascadeRequest, cascadeRequests } from './cascadeProtocol.js';
import type { MediaAgent } from './mediaAgent.js';
import { PipeEndpoint, pipedProducerSchema } from './pipeEndpoint.js';

const pipeAddressSchema = z.object({ ip: z.string(), port: z.number().int() });

export interface NodeLinkEvents {
  /** A camera came up this link, held back: the meeting decides when it flows. */
  cameraUplinked(link: NodeLink, producer: ms.Producer): void;
  /** A track sent down this link is now wanted (or no longer) by someone on the far node. */
  farDemandChanged(producerId: string): void;
}

/**
 * A meeting's media link from its host to one other node: a pipe transport pair between a router
 * of the meeting here (the gateway) and one there. Sites placed on that node send their tracks up
 * the link (`uplink`); the programme goes down it once (`downlink`) and that node fans it out to
 * its sites. So a programme reaching 100 sites on another node crosses the network once, and what
 * nobody receives on the other side stops crossing (the far node reports its demand).
 */
export class NodeLink {
  private readonly uplinked = new Set<string>();
  private readonly downlinks = new Map<string, Promise<void>>();
  /** Tracks sent down that someone on the far node receives now. */
  private readonly farWanted = new Set<string>();
  /** Whether each camera that came up flows, as last asked, and the asks in order. */
  private readonly cameraFlowing = new Map<string, boolean>();
  private readonly flowChanges = new SerialQueue();
  private readonly closeListeners: Array<(reason: string) => void> = [];
  private readonly detach: Array<() => void> = [];
  private closed = false;

  private constructor(
    readonly node: string,
    readonly meetingId: string,
    readonly linkId: string,
    readonly slot: WorkerSlot,
    private readonly endpoint: PipeEndpoint,
    readonly agent: MediaAgent,
    private readonly events: NodeLinkEvents,
    private readonly log: Logger,
  ) {}

  static async open(
    agent: MediaAgent,
    node: string,
    meetingId: string,
    gateway: Placement,
    events: NodeLinkEvents,
    log: Logger,
  ): Promise<NodeLink> {
    const linkId = randomUUID();
    let link: NodeLink | undefined;
    const endpoint = await PipeEndpoint.create(linkId, gateway.router, agent.listen, (producerId) => {
      link?.downlinks.delete(producerId);
      link?.farWanted.delete(producerId);
      agent.notify(node, 'pipe.sourceClosed', { linkId, producerId });
    });
    try {
      const far = pipeAddressSchema.parse(await agent.request(node, 'pipe.open', { linkId, meetingId }));
      await endpoint.connect(far);
      await agent.request(node, 'pipe.connect', { linkId, ...endpoint.address });
    } catch (err) {
      endpoint.close();
      throw err;
    }
    const opened = new NodeLink(node, meetingId, linkId, gateway.slot, endpoint, agent, events, log);
    link = opened;
    opened.detach.push(
      agent.registerHostPipe(endpoint, {
        lost: () => opened.close('the other node lost its end of the link'),
        demand: (producerId, wanted) => opened.farDemand(producerId, wanted),
        cameras: () => opened.cameraCounts(),
      }),
      agent.watch(node, () => opened.close('the other node stopped answering')),
    );
    endpoint.onClosed(() => opened.close('the gateway router closed'));
    log.info({ node, link: linkId, gateway: gateway.slot.index }, 'media link to another node open');
    return opened;
  }

  /** The router of this node where the far node's sites' tracks arrive and the programme leaves. */
  get router(): ms.Router {
    return this.endpoint.router;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  request<R extends CascadeRequest>(method: R, params: z.input<(typeof cascadeRequests)[R]>): Promise<unknown> {
    return this.agent.request(this.node, method, params);
  }

  /**
   * Brings a track of a site on the far node here, where the meeting can use it like a local one.
   * Microphones flow at once (active-speaker detection listens to every site); a camera is held
   * back until `setUplinkFlowing(true)`: 348 sites need not all send their cameras to the host.
   */
  async uplink(producerId: string, kind: 'audio' | 'video'): Promise<ms.Producer> {
    const flowing = kind === 'audio';
    const piped = pipedProducerSchema.parse(await this.request('pipe.send', { linkId: this.linkId, producerId, flowing }));
    this.uplinked.add(producerId);
    if (!flowing) this.cameraFlowing.set(producerId, false);
    const producer = await this.endpoint.receive(piped);
    producer.observer.once('close', () => {
      this.uplinked.delete(producerId);
      this.cameraFlowing.delete(producerId);
    });
    if (!flowing) this.events.cameraUplinked(this, producer);
    return producer;
  }

  /** Lets a held-back uplink through, or holds it back again. */
  setUplinkFlowing(producerId: string, flowing: boolean): void {
    if (!this.cameraFlowing.has(producerId) || this.cameraFlowing.get(producerId) === flowing) return;
    this.cameraFlowing.set(producerId, flowing);
    void this.flowChanges
      .push(() => this.request('pipe.flow', { linkId: this.linkId, producerId, flowing }))
      .catch((err: unknown) => this.log.warn({ err, producer: producerId, flowing }, 'could not change an uplink'));
  }

  cameraCounts(): { flowing: number; held: number } {
    const flowing = [...this.cameraFlowing.values()].filter(Boolean).length;
    return { flowing, held: this.cameraFlowing.size - flowing };
  }

  /** Someone on the far node receives this track now. */
  farWants(producerId: string): boolean {
    return this.farWanted.has(producerId);
  }

  /**
   * Makes a producer of the gateway router consumable on the far node (once per producer): tracks
   * that came up from there are already there.
   */
  downlink(producerId: string): Promise<void> {
    if (this.uplinked.has(producerId)) return Promise.resolve();
    let done = this.downlinks.get(producerId);
    if (!done) {
      done = this.endpoint
        .send(producerId)
        .then((producer) => this.request('pipe.receive', { linkId: this.linkId, producer }))
        .then(() => undefined);
      this.downlinks.set(producerId, done);
      done.catch(() => this.downlinks.delete(producerId));
    }
    return done;
  }

  onClose(listener: (reason: string) => void): void {
    if (this.closed) listener('link closed');
    else this.closeListeners.push(listener);
  }

  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    for (const detach of this.detach) detach();
    this.endpoint.close();
    this.request('pipe.close', { linkId: this.linkId }).catch(() => undefined);
    this.log.info({ node: this.node, link: this.linkId, reason }, 'media link to another node closed');
    for (const listener of this.closeListeners) listener(reason);
  }

  /** The far node's receivers of a track sent down: it flows down only while there are some. */
  private farDemand(producerId: string, wanted: boolean): void {
    if (wanted) this.farWanted.add(producerId);
    else this.farWanted.delete(producerId);
    void this.endpoint
      .setFlowing(producerId, wanted)
      .catch((err: unknown) => this.log.warn({ err, producer: producerId }, 'could not change a downlink'));
    this.events.farDemandChanged(producerId);
  }
}
