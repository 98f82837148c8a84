import { CodedError } from '@pm/shared';
import type { Logger } from '../../logger.js';
import { MeetingRouters } from '../meetingRouters.js';
import type { ms } from '../mediasoupModule.js';
import type { ConsumeOptions } from '../participantMedia.js';
import { PeerMedia } from '../peerMedia.js';
import type { WorkerPool, WorkerSlot } from '../workerPool.js';
import { PipeEndpoint, type PipeListen } from './pipeEndpoint.js';

export interface EdgeMeetingEvents {
  consumerClosed(peerId: string, consumerId: string): void;
  peerLost(peerId: string, reason: string): void;
  sentClosed(linkId: string, producerId: string): void;
  pipeLost(linkId: string): void;
  demand(linkId: string, producerId: string, wanted: boolean): void;
}

/**
 * The part of a meeting whose host is another node, held on this node: the routers on this
 * node's workers, the media of the sites placed here, and the pipe to the host. Producers that
 * can be consumed here (sent by a site here, or received from the host) are indexed with their
 * router, so a consumer on another worker of this node gets them through a local pipeToRouter.
 */
export class EdgeMeeting {
  private readonly routers: MeetingRouters;
  private readonly peers = new Map<string, PeerMedia>();
  private readonly pipes = new Map<string, PipeEndpoint>();
  private readonly homes = new Map<string, { producer: ms.Producer; router: ms.Router }>();

  constructor(
    readonly meetingId: string,
    readonly hostNodeId: string,
    private readonly pool: WorkerPool,
    private readonly listen: PipeListen,
    private readonly events: EdgeMeetingEvents,
    private readonly log: Logger,
  ) {
    this.routers = new MeetingRouters(pool, meetingId, log);
  }

  get empty(): boolean {
    return this.peers.size === 0 && this.pipes.size === 0;
  }

  get peerIds(): string[] {
    return [...this.peers.keys()];
  }

  get linkIds(): string[] {
    return [...this.pipes.keys()];
  }

  async openPeer(peerId: string): Promise<PeerMedia> {
    const placement = await this.routers.placePeer();
    const media = new PeerMedia(peerId, placement, {
      consumerClosed: (consumerId) => this.events.consumerClosed(peerId, consumerId),
      producerOpened: (producer) => this.index(producer, placement.router),
    });
    this.peers.set(peerId, media);
    media.onClose(() => this.peers.delete(peerId));
    this.log.info({ meeting: this.meetingId, peer: peerId, worker: placement.slot.index }, 'remote site placed here');
    return media;
  }

  peer(peerId: string): PeerMedia {
    const media = this.peers.get(peerId);
    if (!media || media.isClosed) throw new CodedError('MEDIA_UNAVAILABLE', `no media ${peerId} on this node; rejoin`);
    return media;
  }

  /** Consumes a producer known on this node on the peer's transport (piped to its worker if needed). */
  async consume(peerId: string, producerId: string, rtpCapabilities: ms.RtpCapabilities, options: ConsumeOptions) {
    const media = this.peer(peerId);
    await this.bringTo(producerId, media.router);
    return media.consume(producerId, rtpCapabilities, options);
  }

  async openPipe(linkId: string): Promise<PipeEndpoint> {
    const { router } = await this.routers.place();
    const endpoint = await PipeEndpoint.create(linkId, router, this.listen, (producerId) =>
      this.events.sentClosed(linkId, producerId),
    );
    this.pipes.set(linkId, endpoint);
    endpoint.onClosed(() => {
      if (this.pipes.delete(linkId)) this.events.pipeLost(linkId);
    });
    return endpoint;
  }

  pipe(linkId: string): PipeEndpoint {
    const endpoint = this.pipes.get(linkId);
    if (!endpoint) throw new CodedError('MEDIA_UNAVAILABLE', `no link ${linkId} on this node`);
    return endpoint;
  }

  /** Sends a producer of a site here to the host. */
  async sendOverPipe(linkId: string, producerId: string, flowing: boolean) {
    const endpoint = this.pipe(linkId);
    const { producer } = await this.bringTo(producerId, endpoint.router);
    return endpoint.send(producerId, { ...producer.appData }, flowing);
  }

  /** Receives a producer from the host (the programme), consumable here from now on. */
  async receiveOverPipe(linkId: string, piped: Parameters<PipeEndpoint['receive']>[0]): Promise<void> {
    const endpoint = this.pipe(linkId);
    const producer = await endpoint.receive(piped);
    this.index(producer, endpoint.router);
    // The host sends it down only while a site here receives it.
    const unwatch = this.pool.demand.watch(producer.id, (wanted) => this.events.demand(linkId, producer.id, wanted));
    producer.observer.once('close', unwatch);
  }

  closePipe(linkId: string): void {
    const endpoint = this.pipes.get(linkId);
    this.pipes.delete(linkId);
    endpoint?.close();
  }

  /** A worker of this node died: its sites must rejoin (the host is told), its links are gone. */
  workerLost(dead: WorkerSlot): void {
    for (const [peerId, media] of this.peers) {
      if (media.slot !== dead) continue;
      media.close();
      this.events.peerLost(peerId, 'media worker restarted');
    }
  }

  close(reason: string): void {
    for (const media of [...this.peers.values()]) media.close();
    const endpoints = [...this.pipes.values()];
    this.pipes.clear();
    for (const endpoint of endpoints) endpoint.close();
    this.routers.close();
    this.log.info({ meeting: this.meetingId, host: this.hostNodeId, reason }, 'remote part of the meeting closed');
  }

  private index(producer: ms.Producer, router: ms.Router): void {
    this.homes.set(producer.id, { producer, router });
    producer.observer.once('close', () => this.homes.delete(producer.id));
  }

  private async bringTo(producerId: string, router: ms.Router) {
    const home = this.homes.get(producerId);
    if (!home || home.producer.closed) throw new CodedError('NOT_FOUND', `producer ${producerId} is not on this node`);
    await this.routers.ensureProducerOn(home.producer, home.router, router);
    return home;
  }
}
