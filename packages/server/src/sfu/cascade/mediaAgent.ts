import { CodedError } from '@pm/shared';
import type { z } from 'zod';
import type { NodeRpc, RpcEvents, RpcMethods } from '../../cluster/nodeRpc.js';
import type { Logger } from '../../logger.js';
import type { ms } from '../mediasoupModule.js';
import type { ProducerDemand } from '../producerDemand.js';
import type { WorkerPool, WorkerSlot } from '../workerPool.js';
import { cascadeEvents, cascadeRequests, type CascadeEvent, type CascadeRequest } from './cascadeProtocol.js';
import { EdgeMeeting } from './edgeMeeting.js';
import type { PipeEndpoint, PipeListen } from './pipeEndpoint.js';

/** What a host's side of the cascade hears about the remote peers and links it created. */
export interface HostListener {
  consumerClosed(consumerId: string): void;
  lost(reason: string): void;
}

/** What the host's end of a link hears from the far end. */
export interface HostPipeListener {
  lost(): void;
  demand(producerId: string, wanted: boolean): void;
  /** Cameras that came up the link: crossing now, or held back (nobody here receives them). */
  cameras(): { flowing: number; held: number };
}

/**
 * This node's media in the cluster's cascade. As an edge it serves the requests of meetings
 * hosted elsewhere (their sites' transports, consumers, and the pipes to the host); as a host it
 * is how a meeting reaches the other nodes: requests go through it, and the events that come back
 * (a remote consumer closed, a remote site lost, a piped producer gone) reach their listeners.
 */
export class MediaAgent {
  private readonly edges = new Map<string, EdgeMeeting>();
  private readonly edgeOfPeer = new Map<string, EdgeMeeting>();
  private readonly edgeOfLink = new Map<string, EdgeMeeting>();
  private readonly unwatchHosts = new Map<string, () => void>();
  /** Host side: the local end of each link this node opened, and its remote peers' listeners. */
  private readonly hostPipes = new Map<string, PipeEndpoint>();
  private readonly hostPeers = new Map<string, HostListener>();
  private readonly hostPipeListeners = new Map<string, HostPipeListener>();

  constructor(
    private readonly rpc: NodeRpc,
    private readonly pool: WorkerPool,
    readonly listen: PipeListen,
    private readonly log: Logger,
  ) {}

  get nodeId(): string {
    return this.rpc.nodeId;
  }

  /** Who receives each producer on this node's workers. */
  get demand(): ProducerDemand {
    return this.pool.demand;
  }

  async start(): Promise<void> {
    this.pool.on('workerReplaced', this.onWorkerReplaced);
    await this.rpc.start(this.methods(), this.events());
  }

  async stop(): Promise<void> {
    this.pool.off('workerReplaced', this.onWorkerReplaced);
    for (const edge of [...this.edges.values()]) this.closeEdge(edge, 'node stopping');
    await this.rpc.stop();
  }

  /**
   * Remote sites whose media run here (for meetings hosted elsewhere), and the cameras of this
   * node's meetings' sites on other nodes: crossing to this node now, or held back.
   */
  census(): { remoteSites: number; camerasFlowing: number; camerasHeld: number } {
    let camerasFlowing = 0;
    let camerasHeld = 0;
    for (const listener of this.hostPipeListeners.values()) {
      const { flowing, held } = listener.cameras();
      camerasFlowing += flowing;
      camerasHeld += held;
    }
    return { remoteSites: this.edgeOfPeer.size, camerasFlowing, camerasHeld };
  }

  /** This node is leaving: every host is asked to place its sites here somewhere else. */
  evacuate(reason: string): void {
    for (const edge of this.edges.values()) {
      for (const peerId of edge.peerIds) this.notify(edge.hostNodeId, 'peer.lost', { peerId, reason });
    }
  }

  /** Asks `node` to run a cascade request; the answer is the caller's to validate. */
  request<R extends CascadeRequest>(node: string, method: R, params: z.input<(typeof cascadeRequests)[R]>): Promise<unknown> {
    return this.rpc.request(node, method, params);
  }

  notify<E extends CascadeEvent>(node: string, event: E, payload: z.input<(typeof cascadeEvents)[E]>): void {
    this.rpc.notify(node, event, payload);
  }

  watch(node: string, onLost: () => void): () => void {
    return this.rpc.watch(node, onLost);
  }

  /** Found silent by this node lately: no site is placed there, even before the registry forgets it. */
  isLost(node: string): boolean {
    return this.rpc.isLost(node);
  }

  /** Host side: the local end of a link, so the far side's events about it arrive. */
  registerHostPipe(endpoint: PipeEndpoint, listener: HostPipeListener): () => void {
    this.hostPipes.set(endpoint.linkId, endpoint);
    this.hostPipeListeners.set(endpoint.linkId, listener);
    return () => {
      this.hostPipes.delete(endpoint.linkId);
      this.hostPipeListeners.delete(endpoint.linkId);
    };
  }

  registerHostPeer(peerId: string, listener: HostListener): () => void {
    this.hostPeers.set(peerId, listener);
    return () => this.hostPeers.delete(peerId);
  }

  // ---- the edge: requests from hosts ----

  private methods(): RpcMethods {
    const on = <R extends CascadeRequest>(
      name: R,
      handler: (params: z.output<(typeof cascadeRequests)[R]>, from: string) => Promise<unknown>,
    ) => [name, (raw: unknown, from: string) => handler(cascadeRequests[name].parse(raw) as z.output<(typeof cascadeRequests)[R]>, from)] as const;
    const peer = (peerId: string) => this.edgeForPeer(peerId).peer(peerId);
    return Object.fromEntries([
      on('edge.openPeer', async ({ meetingId, peerId }, host) => {
        const edge = this.edgeFor(meetingId, host);
        const media = await edge.openPeer(peerId);
        this.indexUntilClosed(this.edgeOfPeer, peerId, edge, (closed) => media.onClose(closed));
        return { workerIndex: media.slot.index };
      }),
      on('edge.createTransport', async ({ peerId, direction }) => peer(peerId).createTransport(direction)),
      on('edge.connectTransport', async ({ peerId, transportId, dtlsParameters }) =>
        peer(peerId).connectTransport(transportId, dtlsParameters as ms.DtlsParameters),
      ),
      on('edge.restartIce', async ({ peerId, transportId }) => ({ iceParameters: { ...(await peer(peerId).restartIce(transportId)) } })),
      on('edge.produce', async ({ peerId, transportId, kind, rtpParameters, source }) => {
        const producer = await peer(peerId).produce(transportId, kind, rtpParameters, source);
        return { producerId: producer.id };
      }),
      on('edge.closeProducer', async ({ peerId, producerId }) => peer(peerId).closeProducer(producerId)),
      on('edge.consume', async ({ peerId, producerId, rtpCapabilities, ...options }) =>
        this.edgeForPeer(peerId).consume(peerId, producerId, rtpCapabilities as ms.RtpCapabilities, options),
      ),
      on('edge.resumeConsumer', async ({ peerId, consumerId }) => peer(peerId).resumeConsumer(consumerId)),
      on('edge.setServerPaused', async ({ peerId, consumerId, paused }) => peer(peerId).setServerPaused(consumerId, paused)),
      on('edge.closeConsumer', async ({ peerId, consumerId }) => peer(peerId).closeConsumer(consumerId)),
      on('edge.quality', async ({ peerId }) => peer(peerId).qualityFigures()),
      on('edge.closePeer', async ({ peerId }) => this.edgeOfPeer.get(peerId)?.peer(peerId).close()),
      on('pipe.open', async ({ meetingId, linkId }, host) => {
        const edge = this.edgeFor(meetingId, host);
        const endpoint = await edge.openPipe(linkId);
        this.indexUntilClosed(this.edgeOfLink, linkId, edge, (closed) => endpoint.onClosed(closed));
        return endpoint.address;
      }),
      on('pipe.connect', async ({ linkId, ip, port }) => this.edgeForLink(linkId).pipe(linkId).connect({ ip, port })),
      on('pipe.send', async ({ linkId, producerId, flowing }) => this.edgeForLink(linkId).sendOverPipe(linkId, producerId, flowing)),
      on('pipe.flow', async ({ linkId, producerId, flowing }) => this.edgeForLink(linkId).pipe(linkId).setFlowing(producerId, flowing)),
      on('pipe.receive', async ({ linkId, producer }) => this.edgeForLink(linkId).receiveOverPipe(linkId, producer)),
      on('pipe.close', async ({ linkId }) => this.edgeOfLink.get(linkId)?.closePipe(linkId)),
    ]);
  }

  private events(): RpcEvents {
    const on = <E extends CascadeEvent>(name: E, handler: (payload: z.output<(typeof cascadeEvents)[E]>) => void) =>
      [name, (raw: unknown) => handler(cascadeEvents[name].parse(raw) as z.output<(typeof cascadeEvents)[E]>)] as const;
    return Object.fromEntries([
      on('peer.consumerClosed', ({ peerId, consumerId }) => this.hostPeers.get(peerId)?.consumerClosed(consumerId)),
      on('peer.lost', ({ peerId, reason }) => this.hostPeers.get(peerId)?.lost(reason)),
      // Either side may have sent the producer: close the copy wherever this link ends here.
      on('pipe.sourceClosed', ({ linkId, producerId }) => {
        this.hostPipes.get(linkId)?.dropReceived(producerId);
        this.edgeOfLink.get(linkId)?.pipe(linkId).dropReceived(producerId);
      }),
      on('pipe.demand', ({ linkId, producerId, wanted }) => this.hostPipeListeners.get(linkId)?.demand(producerId, wanted)),
      on('pipe.lost', ({ linkId }) => {
        this.hostPipeListeners.get(linkId)?.lost();
        this.edgeOfLink.get(linkId)?.closePipe(linkId);
      }),
    ]);
  }

  private edgeFor(meetingId: string, host: string): EdgeMeeting {
    const key = `${meetingId}@${host}`;
    let edge = this.edges.get(key);
    if (!edge) {
      edge = new EdgeMeeting(
        meetingId,
        host,
        this.pool,
        this.listen,
        {
          consumerClosed: (peerId, consumerId) => this.notify(host, 'peer.consumerClosed', { peerId, consumerId }),
          peerLost: (peerId, reason) => this.notify(host, 'peer.lost', { peerId, reason }),
          sentClosed: (linkId, producerId) => this.notify(host, 'pipe.sourceClosed', { linkId, producerId }),
          pipeLost: (linkId) => this.notify(host, 'pipe.lost', { linkId }),
          demand: (linkId, producerId, wanted) => this.notify(host, 'pipe.demand', { linkId, producerId, wanted }),
        },
        this.log.child({ meeting: meetingId, host }),
      );
      this.edges.set(key, edge);
      const created = edge;
      // A host that stops answering has lost its meeting: its sites rejoin through the new host.
      this.unwatchHosts.set(key, this.rpc.watch(host, () => this.closeEdge(created, 'host node lost')));
    }
    return edge;
  }

  private edgeForPeer(peerId: string): EdgeMeeting {
    const edge = this.edgeOfPeer.get(peerId);
    if (!edge) throw new CodedError('MEDIA_UNAVAILABLE', `no media ${peerId} on this node; rejoin`);
    return edge;
  }

  private edgeForLink(linkId: string): EdgeMeeting {
    const edge = this.edgeOfLink.get(linkId);
    if (!edge) throw new CodedError('MEDIA_UNAVAILABLE', `no link ${linkId} on this node`);
    return edge;
  }

  /** Finds `edge` by `id` until the peer or pipe closes; an edge left with nothing closes too. */
  private indexUntilClosed(
    byId: Map<string, EdgeMeeting>,
    id: string,
    edge: EdgeMeeting,
    onClosed: (listener: () => void) => void,
  ): void {
    byId.set(id, edge);
    onClosed(() => {
      byId.delete(id);
      if (edge.empty) this.closeEdge(edge, 'no sites left');
    });
  }

  private closeEdge(edge: EdgeMeeting, reason: string): void {
    const key = `${edge.meetingId}@${edge.hostNodeId}`;
    if (this.edges.get(key) !== edge) return;
    this.edges.delete(key);
    this.unwatchHosts.get(key)?.();
    this.unwatchHosts.delete(key);
    for (const peerId of edge.peerIds) this.edgeOfPeer.delete(peerId);
    for (const linkId of edge.linkIds) this.edgeOfLink.delete(linkId);
    edge.close(reason);
  }

  private readonly onWorkerReplaced = (_fresh: WorkerSlot, dead: WorkerSlot): void => {
    for (const edge of this.edges.values()) edge.workerLost(dead);
  };
}
