import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../logger.js';
import type { Placement } from '../meetingRouters.js';
import type { ms } from '../mediasoupModule.js';
import type { WorkerSlot } from '../workerPool.js';
import type { CascadeRequest, cascadeRequests } from './cascadeProtocol.js';
import type { MediaAgent } from './mediaAgent.js';
import { PipeEndpoint, pipedProducerSchema } from './pipeEndpoint.js';

const pipeAddressSchema = z.object({ ip: z.string(), port: z.number().int() });

/**
 * A meeting's media link from its host to one other node: a pipe transport pair between a router
 * of the meeting here (the gateway) and one there. Sites placed on that node send their tracks up
 * the link once (`uplink`); the programme goes down it once (`downlink`) and that node fans it out
 * to its sites. So a programme reaching 100 sites on another node crosses the network once.
 */
export class NodeLink {
  private readonly uplinked = new Set<string>();
  private readonly downlinks = new Map<string, Promise<void>>();
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
    private readonly log: Logger,
  ) {}

  static async open(agent: MediaAgent, node: string, meetingId: string, gateway: Placement, log: Logger): Promise<NodeLink> {
    const linkId = randomUUID();
    let link: NodeLink | undefined;
    const endpoint = await PipeEndpoint.create(linkId, gateway.router, agent.listen, (producerId) => {
      link?.downlinks.delete(producerId);
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
    const opened = new NodeLink(node, meetingId, linkId, gateway.slot, endpoint, agent, log);
    link = opened;
    opened.detach.push(
      agent.registerHostPipe(endpoint, () => opened.close('the other node lost its end of the link')),
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

  /** Brings a track of a site on the far node here, where the meeting can use it like a local one. */
  async uplink(producerId: string): Promise<ms.Producer> {
    const piped = pipedProducerSchema.parse(await this.request('pipe.send', { linkId: this.linkId, producerId }));
    this.uplinked.add(producerId);
    const producer = await this.endpoint.receive(piped);
    producer.observer.once('close', () => this.uplinked.delete(producerId));
    return producer;
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
}
